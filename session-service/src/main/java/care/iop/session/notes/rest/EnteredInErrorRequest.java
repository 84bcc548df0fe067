package care.iop.session.notes.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NoteEnteredInErrorRequest", description = "Why the note was written by mistake; it never names another member")
public record EnteredInErrorRequest(
        @NotBlank @Size(max = 2000) @Schema(example = "Written in the wrong patient's chart") String reason) {
}
