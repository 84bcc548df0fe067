package care.iop.plan.discharge.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.discharge.domain.DischargeSummary;
import care.iop.plan.discharge.domain.InstrumentScores;
import care.iop.plan.discharge.domain.ObjectiveOutcome;
import care.iop.plan.discharge.service.SummaryDocuments;

/** A discharge summary as the API answers it. */
@Schema(name = "DischargeSummary", description = "The summary of a patient's discharge: reason, level of care, scores at admission and"
        + " discharge, objectives met and not met, aftercare plan and referrals; DRAFT until a clinician signs it, then locked")
public record DischargeSummaryView(UUID id, UUID patientId, UUID episodeId, UUID planId,
                                   @Schema(enumeration = { "DRAFT", "SIGNED" }) String status,
                                   @Schema(example = "COMPLETED", description = "care.iop.events.DischargeReason name") String reason,
                                   LocalDate dischargedOn,
                                   @Schema(example = "2.1", description = "Level of care at discharge (the episode's in force)") String levelOfCare,
                                   @Schema(description = "The admission the admission scores are taken around") LocalDate admittedOn,
                                   @Schema(description = "Per instrument: admission (nearest to admission, 14 days before to 7 after) and"
                                           + " discharge (latest on or before discharge, within 30 days, after the admission score)")
                                   List<ScoresView> scores,
                                   @Schema(description = "Objectives with status met") List<ObjectiveOutcome> objectivesMet,
                                   @Schema(description = "Objectives not met by discharge (not-met, in-progress, not-started); revised ones"
                                           + " are in neither list") List<ObjectiveOutcome> objectivesNotMet,
                                   String aftercarePlan, List<ReferralDto> referrals,
                                   @Schema(description = "The plan's primary clinician") UUID assignedClinicianId,
                                   @Schema(description = "End of (discharge day + iop.discharge.summary-due) in the program's time zone")
                                   OffsetDateTime dueAt,
                                   @Schema(description = "What the patient.discharged event said; absent until it arrived") Discharge discharge,
                                   @Schema(description = "A discharge event that disagreed with the signed summary (recorded, not applied)")
                                   Discharge mismatch,
                                   @Schema(description = "Signer's token subject") String signedBy, UUID signerClinicianId,
                                   OffsetDateTime signedAt, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** One instrument's admission and discharge scores and their change. */
    @Schema(name = "DischargeScores")
    public record ScoresView(@Schema(example = "PHQ9") String instrument, InstrumentScores.Score admission, InstrumentScores.Score discharge,
                             @Schema(description = "discharge - admission (negative: improvement)") Integer change) {
    }

    /** A discharge as an event stated it. */
    @Schema(name = "DischargeAsEvent")
    public record Discharge(String reason, LocalDate dischargedOn, OffsetDateTime recordedAt) {
    }

    static DischargeSummaryView of(DischargeSummary s, SummaryDocuments documents) {
        List<ObjectiveOutcome> objectives = documents.objectives(s);
        return new DischargeSummaryView(s.id, s.patientId, s.episodeId, s.planId, s.status.name(), s.reasonCode, s.dischargedOn,
                s.levelOfCare, s.admittedOn,
                documents.scores(s).stream().map(i -> new ScoresView(i.instrument(), i.admission(), i.discharge(), i.change())).toList(),
                objectives.stream().filter(ObjectiveOutcome::met).toList(), objectives.stream().filter(ObjectiveOutcome::notMet).toList(),
                s.aftercarePlan, documents.referrals(s).stream().map(ReferralDto::of).toList(), s.assignedClinicianId, s.dueAt,
                s.eventDischargedOn == null ? null : new Discharge(s.eventReasonCode, s.eventDischargedOn, null),
                s.mismatchAt == null ? null : new Discharge(s.mismatchReasonCode, s.mismatchDischargedOn, s.mismatchAt),
                s.signedBy, s.signerClinicianId, s.signedAt, s.version, s.createdAt, s.updatedAt);
    }
}
