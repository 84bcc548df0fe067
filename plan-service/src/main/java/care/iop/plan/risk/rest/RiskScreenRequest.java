package care.iop.plan.risk.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.risk.service.RecordRiskScreen;

@Schema(description = "A C-SSRS screener: six yes/no answers in order (1 wish to be dead, 2 suicidal thoughts, 3 thoughts with a"
        + " method, 4 intent, 5 plan with intent, 6 suicidal behaviour), and when item 6 is yes whether within the past three months")
public record RiskScreenRequest(
        @NotNull @Schema(example = "7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11") UUID patientId,
        @Schema(description = "The safety flag the screen was taken for (optional; the same patient's)") UUID flagId,
        @NotNull @Schema(example = "2026-12-01T14:30:00-05:00") OffsetDateTime takenAt,
        @NotNull @Schema(description = "Exactly six: true yes, false no", example = "[true, true, false, false, false, false]") List<Boolean> answers,
        @Schema(description = "Required when item 6 is yes, absent otherwise") Boolean withinPastThreeMonths) {

    RecordRiskScreen command() {
        return new RecordRiskScreen(patientId, flagId, takenAt, answers, withinPastThreeMonths);
    }
}
