package care.iop.plan.episode.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import care.iop.events.EventTypes;
import care.iop.events.ModalityMix;
import care.iop.plan.config.PlanConfig;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.signing.domain.VersionCause;
import care.iop.plan.signing.service.PlanVersions;
import care.iop.plan.domain.ModalityChange;
import care.iop.plan.domain.PlanStatus;
import care.iop.plan.episode.domain.EpisodeDetails;
import care.iop.plan.episode.domain.EpisodeOfCare;
import care.iop.plan.episode.domain.LevelChangeCommand;
import care.iop.plan.episode.domain.LevelOfCareTransition;
import care.iop.plan.episode.domain.LevelsOfCare;
import care.iop.plan.episode.domain.StepDown;
import care.iop.plan.outcomes.domain.Assessment;
import care.iop.plan.readmodel.KnownPatient;
import care.iop.plan.service.PlanAccess;
import care.iop.plan.service.PlanEvents;
import care.iop.plan.service.PlanRules;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.web.ETags;
import io.quarkus.panache.common.Sort;

/**
 * Records a dated level-of-care transition of an open episode (2.5 -> 2.1 -> 1 and back up) and applies it to the
 * episode's current plan: its level and, when given, its new mix (a modality change from the same date), under the new
 * level's hour rules (a change down may leave the plan below the minimum for the step-down tolerance; a change up must
 * meet it). Publishes the plan's event and EpisodeLevelChanged; a refusal writes nothing.
 */
@ApplicationScoped
public class LevelChangeService {

    @Inject
    PlanVersions versions;

    @Inject
    EpisodeAccess access;

    @Inject
    EpisodeEvents events;

    @Inject
    EpisodeService episodes;

    @Inject
    PlanAccess plans;

    @Inject
    PlanRules rules;

    @Inject
    PlanEvents planEvents;

    @Inject
    PlanConfig config;

    @Inject
    AuditLog audit;

    @Transactional
    public EpisodeDetails change(UUID episodeId, String ifMatch, LevelChangeCommand command) {
        EpisodeOfCare episode = access.forUpdate(episodeId);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, episode.version);
        }
        if (!episode.isOpen()) {
            throw ProblemException.conflict("Episode " + episodeId + " was closed on " + episode.dischargedOn + " (discharge): its level no longer changes");
        }
        String from = episode.levelOfCare;
        if (command.toLevel().equals(from)) {
            throw ProblemException.conflict("The episode is already at level " + from);
        }
        LocalDate on = command.effectiveOn() != null ? command.effectiveOn() : config.today();
        if (on.isBefore(episode.admittedOn)) {
            throw ProblemException.ruleViolation("effectiveOn", "must not be before the admission on " + episode.admittedOn);
        }
        Optional<LevelOfCareTransition> last = EpisodeLifecycle.lastTransition(episode);
        if (last.isPresent() && on.isBefore(last.get().effectiveOn)) {
            throw ProblemException.ruleViolation("effectiveOn", "must not be before the last level change on " + last.get().effectiveOn
                    + " (" + last.get().fromLevel + " -> " + last.get().toLevel + ")");
        }
        if (command.assessmentId() != null) {
            Assessment assessment = Assessment.findById(command.assessmentId());
            if (assessment == null || !assessment.patientId.equals(episode.patientId)) {
                throw ProblemException.ruleViolation("assessmentId", "Assessment " + command.assessmentId()
                        + " is not an assessment of this episode's patient");
            }
        }
        Optional<CarePlan> plan = currentPlan(episode);
        plan.ifPresent(current -> applyToPlan(current, from, on, command));

        LevelOfCareTransition transition = new LevelOfCareTransition();
        transition.id = UUID.randomUUID();
        transition.episodeId = episode.id;
        transition.fromLevel = from;
        transition.toLevel = command.toLevel();
        transition.effectiveOn = on;
        transition.reason = command.reason();
        transition.assessmentId = command.assessmentId();
        transition.planId = plan.map(p -> p.id).orElse(null);
        transition.recordedBy = plans.subject();
        transition.recordedAt = now();
        transition.persist();

        episode.levelOfCare = command.toLevel();
        episode.updatedAt = transition.recordedAt;
        events.publish(EventTypes.EPISODE_LEVEL_CHANGED, episode);
        audit.success(AuditAction.UPDATE, EpisodeAccess.RESOURCE, episodeId, episode.patientId);
        return episodes.details(episode);
    }

    /** The episode's active or on-hold plan, else its latest draft. */
    private Optional<CarePlan> currentPlan(EpisodeOfCare episode) {
        Optional<CarePlan> current = CarePlan.<CarePlan>find("episodeId = ?1 and status in ?2", episode.id,
                java.util.List.of(PlanStatus.ACTIVE, PlanStatus.ON_HOLD)).firstResultOptional();
        if (current.isEmpty()) {
            current = CarePlan.<CarePlan>find("episodeId = ?1 and status = ?2", Sort.descending("createdAt"), episode.id, PlanStatus.DRAFT)
                    .firstResultOptional();
        }
        return current.map(p -> plans.planForUpdate(p.id));
    }

    private void applyToPlan(CarePlan plan, String fromLevel, LocalDate on, LevelChangeCommand command) {
        KnownPatient patient = rules.treatablePatient(plan.patientId);
        ModalityMix from = plan.modality();
        ModalityMix to = command.modality() != null ? command.modality() : from;
        if (command.modality() != null) {
            rules.wellFormed(to, command.modalityField());
        }
        LocalDate effective = on.isBefore(plan.startDate) ? plan.startDate : on;
        if (!effective.isBefore(plan.endDate)) {
            throw ProblemException.ruleViolation("effectiveOn", "must be before the end of the current plan " + plan.id + " on " + plan.endDate);
        }
        StepDown stepDown = LevelsOfCare.isDownward(fromLevel, command.toLevel())
                ? new StepDown(effective, plan.stepDownSince, true)
                : StepDown.none(effective);
        LocalDate stepDownSince = rules.allowedMix(to, command.modalityField(), patient, command.toLevel(), plan.startDate, stepDown);
        boolean newMix = !to.equals(from);
        if (newMix) {
            ModalityChange change = new ModalityChange();
            change.id = UUID.randomUUID();
            change.planId = plan.id;
            change.setFrom(from);
            change.setTo(to);
            change.effectiveFrom = effective;
            change.reason = "Level of care " + fromLevel + " -> " + command.toLevel() + ": " + command.reason();
            change.changedBy = plans.subject();
            change.changedAt = now();
            change.persist();
            plan.applyModality(to);
            plan.modalityEffectiveFrom = effective;
            plan.modalityProposed = false;
            plan.modalityRationale = change.reason;
        }
        plan.levelOfCare = command.toLevel();
        plan.stepDownSince = stepDownSince;
        plan.updatedAt = now();
        versions.record(plan, VersionCause.LEVEL_CHANGE, true);
        planEvents.publish(newMix ? EventTypes.PLAN_MODALITY_CHANGED : EventTypes.PLAN_UPDATED, plan);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
