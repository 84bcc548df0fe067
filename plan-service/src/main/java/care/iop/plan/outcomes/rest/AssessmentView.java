package care.iop.plan.outcomes.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.outcomes.domain.Assessment;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.outcomes.service.AssessmentService;

@Schema(description = "A scored assessment (a FHIR Observation with the LOINC code of its total, where one is defined)")
public record AssessmentView(
        UUID id, UUID patientId, Instrument instrument,
        @Schema(description = "LOINC code of the total score; absent for DAST-10", example = "44261-6") String loinc,
        List<Integer> answers, int total,
        @Schema(description = "Severity band of the total; names per instrument in docs/outcomes.md", example = "MILD") String band,
        @Schema(description = "True when PHQ-9 item 9 (thoughts of self-harm) is above 0") boolean safetyFlag,
        @Schema(description = "The flag raised by this assessment, if any") UUID safetyFlagId,
        OffsetDateTime takenAt, OffsetDateTime recordedAt, String recordedBy,
        @Schema(description = "CLINICIAN (entered by staff) or SELF_REPORT (by the patient)") Assessment.Source source) {

    static AssessmentView of(AssessmentService.Recorded recorded) {
        Assessment a = recorded.assessment();
        return new AssessmentView(a.id, a.patientId, a.instrument, a.instrument.loinc(), a.answers, a.total, a.band,
                a.safetyFlag, recorded.flag() == null ? null : recorded.flag().id, a.takenAt, a.recordedAt, a.recordedBy,
                a.source);
    }
}
