package care.iop.session.notes.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.session.notes.domain.NoteKind;

@Schema(name = "ProgressNoteRequest", description = "A new draft: one patient's note (patientId) or the group narrative (kind "
        + "GROUP_NARRATIVE, no patientId), in the program's format: dap or birp, not both.")
public record NoteRequest(
        @Schema(description = "The patient (an attending member of the session, or the patient of an individual or family session); "
                + "absent for a group narrative", example = "3f0b6c1e-2d4a-4e8b-9c1d-7a2b5e9f0c33") UUID patientId,
        @Schema(description = "PATIENT (default) or GROUP_NARRATIVE (group sessions only)", example = "PATIENT") NoteKind kind,
        @Valid @Schema(description = "When the program writes DAP notes (the default)") NoteContent.Dap dap,
        @Valid @Schema(description = "When the program writes BIRP notes") NoteContent.Birp birp,
        @Size(max = 20) @Schema(description = "The plan objectives the note addressed (0-20 ids of the pattern [A-Za-z0-9._-]{1,64}), "
                + "stored as given", example = "[\"obj-1.2\"]")
        List<@NotNull @Pattern(regexp = NoteContent.OBJECTIVE_ID, message = "must match " + NoteContent.OBJECTIVE_ID) String> objectiveIds) {
}
