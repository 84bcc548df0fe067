package care.iop.plan.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.domain.PlanReview;

/** A plan review: summary and decision. */
@Schema(name = "ReviewRequest")
public record ReviewRequest(
        @NotBlank @Size(max = 4000) @Schema(example = "PHQ-9 down from 16 to 11; attending all groups") String summary,
        @NotNull @Schema(example = "CONTINUE") PlanReview.Decision decision,
        @Schema(example = "2026-12-30", description = "Default: today; the next review is due the latest review date + the review interval") LocalDate reviewedOn) {
}
