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
        @Size(max = 20) @Schema(description = "The plan objectives the note addressed (0-20 ids of the pattern [A-Za-z0-9._-]{1,64}, "
                + "as plan-service names them: O1, O2). On a patient's note each must be an objective of the patient's current plan "
                + "(active or on hold), else 422 naming objectiveIds[i]; when the patient has no current plan or its plan events did "
                + "not carry objective ids (events written before they did), they are accepted as given; a group narrative's are "
                + "stored as given", example = "[\"O2\"]")
        List<@NotNull @Pattern(regexp = NoteContent.OBJECTIVE_ID, message = "must match " + NoteContent.OBJECTIVE_ID) String> objectiveIds) {
}
