package care.iop.plan.episode.service;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import care.iop.events.EpisodeState;
import care.iop.events.Topics;
import care.iop.plan.config.PlanConfig;
import care.iop.plan.episode.domain.EpisodeOfCare;
import care.iop.plan.episode.domain.LevelOfCareTransition;
import care.iop.plan.privacy.Part2Labels;
import care.iop.platform.outbox.Outbox;

/** Publishes episode events (EpisodeState, key = the patient id) on iop.plans through the outbox, in the caller's transaction. */
@ApplicationScoped
public class EpisodeEvents {

    @Inject
    Outbox outbox;

    @Inject
    Part2Labels labels;

    @Inject
    PlanConfig config;

    /** Flushes first so that the payload carries the committed version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String type, EpisodeOfCare episode) {
        EpisodeOfCare.flush();
        outbox.publish(Topics.PLANS, episode.patientId, type, state(episode));
    }

    EpisodeState state(EpisodeOfCare e) {
        return new EpisodeState(e.id, e.patientId, e.status, e.admittedOn, e.admissionSource, e.levelOfCare,
                LevelOfCareTransition.ofEpisode(e.id).stream()
                        .map(t -> new EpisodeState.LevelChange(t.fromLevel, t.toLevel, t.effectiveOn, t.assessmentId)).toList(),
                e.dischargedOn, e.dischargeReasonCode, firstPlanDueOn(e), e.version, labels.patientLabel(e.patientId));
    }

    /** The last day on which the episode's first plan is on time. */
    public LocalDate firstPlanDueOn(EpisodeOfCare episode) {
        return episode.admittedOn.plusDays(config.firstPlanDueDays());
    }
}
