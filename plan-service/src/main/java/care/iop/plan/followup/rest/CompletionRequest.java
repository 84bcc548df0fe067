package care.iop.plan.followup.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the clinician did about the task and what came of it: required, it is the record of the follow-up. */
@Schema(name = "FollowUpCompletion", description = "The outcome of a follow-up task")
public record CompletionRequest(
        @NotBlank @Size(max = 4000) @Schema(description = "What was done and its outcome (clinical content, stays in plan-service)",
                example = "Reached the patient by phone: missed the group for a family emergency; attends Tuesday's group.") String note) {
}
