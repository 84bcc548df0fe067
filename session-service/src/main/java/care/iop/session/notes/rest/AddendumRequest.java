package care.iop.session.notes.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NoteAddendumRequest", description = "A correction of a signed note; it never names another member of the session")
public record AddendumRequest(
        @NotBlank @Size(max = NoteContent.MAX_FIELD) @Schema(example = "Correction: the session lasted 150 minutes, not 180.") String text) {
}
