package care.iop.session.notes.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The two note formats; a program writes every note in one of them ({@code iop.notes.format}). */
public final class NoteContent {
    /** Longest text of one field. */
    public static final int MAX_FIELD = 8000;
    /** Objective ids as plan-service names them. */
    public static final String OBJECTIVE_ID = "[A-Za-z0-9._-]{1,64}";

    private NoteContent() {
    }

    @Schema(name = "DapNote", description = "DAP: what was observed and said, the clinician's assessment, the plan. Each field required, "
            + "at most 8000 characters; never a name or identifier of another member of the session (422).")
    public record Dap(
            @NotBlank @Size(max = MAX_FIELD) @Schema(example = "Attended all 3 hours; described two cravings this week and the coping skills used.") String data,
            @NotBlank @Size(max = MAX_FIELD) @Schema(example = "Engaged; uses urge surfing with partial success. PHQ-9 trend improving.") String assessment,
            @NotBlank @Size(max = MAX_FIELD) @Schema(example = "Continue group 3x/week; practise the HALT check daily.") String plan) {
    }

    @Schema(name = "BirpNote", description = "BIRP: the patient's behaviour, the clinician's intervention, the patient's response, the plan. "
            + "Each field required, at most 8000 characters; never a name or identifier of another member of the session (422).")
    public record Birp(
            @NotBlank @Size(max = MAX_FIELD) @Schema(example = "Arrived on time, withdrawn at first, shared in the second hour.") String behaviour,
            @NotBlank @Size(max = MAX_FIELD) @Schema(example = "Facilitated a chain analysis of a recent lapse.") String intervention,
            @NotBlank @Size(max = MAX_FIELD) @Schema(example = "Identified two triggers and one alternative response.") String response,
            @NotBlank @Size(max = MAX_FIELD) @Schema(example = "Continue group 3x/week; bring the trigger log next session.") String plan) {
    }
}
