package care.iop.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Carried by {@link EventTypes#PLAN_PROPOSAL_OFFERED} on {@link Topics#PLANS} (key: the plan id): plan-service offers a new
 * proposal on an active plan because the patient's group comfort or preferred modality changed. The proposal is not
 * applied: the plan's modality and schedule are unchanged (its {@code PlanState} events say so). No free text: the
 * rationale and the interventions' descriptions stay in plan-service (clinical content).
 *
 * @param planVersion the plan's version with the offer stored on it
 * @param step individual-heavy, mixed, group-heavy or individual-only
 * @param modality the mix the proposed interventions make
 * @param stepUpKind {@code modality} or {@code level-of-care}; null when the proposal suggests none
 * @param stepUpTo the step (mixed, group-heavy) or level (2.1, 2.5) suggested; null above 2.5
 * @param changes what changed: {@code groupComfort}, {@code preferredModality} (one or both)
 * @param patientVersion the version of the patient event that caused the offer
 * @param part2 the plan's 42 CFR Part 2 label, as in {@link PlanState}
 */
public record PlanProposalOffered(UUID planId, UUID patientId, UUID primaryClinicianId, long planVersion, String step, ModalityMix modality,
                                  String stepUpKind, String stepUpTo, List<String> changes, long patientVersion, OffsetDateTime offeredAt,
                                  Boolean part2) {
}
