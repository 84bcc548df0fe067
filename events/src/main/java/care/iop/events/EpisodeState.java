package care.iop.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Carried by episode events on {@link Topics#PLANS} (key: the patient id, so that a patient's episodes keep their
 * order): one episode of care, i.e. one admission of a patient to the program, as a full state (consumers upsert by
 * {@code episodeId} and ignore a {@code version} older than the one they hold). Never free text: the reasons of level
 * changes stay in plan-service.
 *
 * @param status {@code open} or {@code closed} (closed by the patient's discharge)
 * @param admittedOn the admission date (from the patient events; the first plan's start when the patient had none)
 * @param admissionSource {@code admission} (participant-service's admission date) or {@code first-plan} (opened by the
 *        first plan of a patient without an admission date)
 * @param levelOfCare the level of care in force: 1, 2.1 or 2.5 (the latest level change's, else the admission level)
 * @param levelChanges the dated level-of-care transitions, oldest first
 * @param dischargeReasonCode a {@link DischargeReason} name once closed
 * @param firstPlanDueOn the last day on which the first plan is on time (admission + {@code iop.plan.first-plan-due-days})
 * @param part2 the episode is a 42 CFR Part 2 record (its patient is labelled Part 2 in plan-service)
 */
public record EpisodeState(UUID episodeId, UUID patientId, String status, LocalDate admittedOn, String admissionSource,
                           String levelOfCare, List<LevelChange> levelChanges, LocalDate dischargedOn, String dischargeReasonCode,
                           LocalDate firstPlanDueOn, long version, Boolean part2) {

    /** One level-of-care transition: from, to, from which day, and the assessment that justified it (if any). */
    public record LevelChange(String fromLevel, String toLevel, LocalDate effectiveOn, UUID assessmentId) {
    }
}
