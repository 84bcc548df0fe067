package care.iop.plan.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A problem the plan addresses (ICD-10-CM code and display), in the patient's words too, with its goals. */
@Schema(name = "PlanProblem")
public record PlanProblemDto(
        @Pattern(regexp = PlanProblemDto.ID, message = PlanProblemDto.ID_MESSAGE) @Schema(example = "P1", description = PlanProblemDto.ID_DESCRIPTION)
        String id,
        @NotBlank @Size(max = 20) @Schema(example = "F32.1") String code,
        @NotBlank @Size(max = 300) @Schema(example = "Major depressive disorder, single episode, moderate") String display,
        @Size(max = 1000) @Schema(example = "I can't get out of bed and I've stopped seeing my friends",
                description = "The problem in the patient's own words") String patientWords,
        @Size(max = 20) List<@Valid @NotNull GoalDto> goals) {

    /** Ids of problems, goals, objectives and interventions: 1 to 40 letters, digits, '.', '_' or '-'. */
    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";
    public static final String ID_MESSAGE = "1 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit";
    public static final String ID_DESCRIPTION = "Unique in the plan (problems, goals, objectives and interventions share one namespace). Give"
            + " it to refer to the element in the same request; left out, the service assigns one (P1, G1, O1, I1, ...)";
}
