package care.iop.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Carried by {@link EventTypes#DISCHARGE_SUMMARY_SIGNED} on {@link Topics#PLANS} (key: the patient id): a clinician signed the
 * discharge summary of a patient's discharge, so the discharge's documentation is complete. Ids and codes only: the aftercare
 * plan, referrals, scores and objectives are clinical content and stay in plan-service.
 *
 * @param episodeId the episode of care (admission) the discharge closed; null for a patient without one
 * @param planId the plan whose objectives the summary reports; null when the patient had none
 * @param reasonCode the {@link DischargeReason} name, equal to the patient.discharged event's
 * @param dischargedOn equal to the patient.discharged event's
 * @param levelOfCare the level of care at discharge (1, 2.1, 2.5)
 * @param signedBy the signer's token subject
 * @param part2 the patient is labelled 42 CFR Part 2 in plan-service
 */
public record DischargeSummarySigned(UUID summaryId, UUID patientId, UUID episodeId, UUID planId, String reasonCode,
                                     LocalDate dischargedOn, String levelOfCare, String signedBy, OffsetDateTime signedAt,
                                     long version, Boolean part2) {
}
