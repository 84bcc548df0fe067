package care.iop.plan.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A problem the plan addresses (ICD-10-CM code and display). */
@Schema(name = "PlanProblem")
public record PlanProblemDto(
        @NotBlank @Size(max = 20) @Schema(example = "F32.1") String code,
        @NotBlank @Size(max = 300) @Schema(example = "Major depressive disorder, single episode, moderate") String display) {
}
