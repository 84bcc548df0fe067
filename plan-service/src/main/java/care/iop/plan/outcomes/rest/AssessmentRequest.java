package care.iop.plan.outcomes.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.outcomes.domain.Instrument;

@Schema(description = "A completed questionnaire: item answers in questionnaire order")
public record AssessmentRequest(
        @NotNull @Schema(example = "7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11") UUID patientId,
        @NotNull @Schema(example = "PHQ9") Instrument instrument,
        @NotNull @Schema(description = "PHQ9: 9 items 0-3; GAD7: 7 items 0-3; AUDIT: 10 items, 1-8 scored 0-4, 9-10 scored 0, 2 or 4;"
                + " DAST10: 10 answers as given, 1 = yes, 0 = no (the service reverse-scores item 3: a no scores 1)", example = "[1,2,0,1,1,0,2,1,0]") List<Integer> answers,
        @NotNull @Schema(description = "When the patient answered", example = "2026-12-01T10:00:00-05:00") OffsetDateTime takenAt) {
}
