package care.iop.plan.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import care.iop.events.Topics;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.privacy.Part2Labels;
import care.iop.platform.consistency.AggregateVersion;
import care.iop.platform.consistency.ConsistencyTokens;
import care.iop.platform.outbox.Outbox;

/** Publishes plan events (PlanState with its Part 2 label, key = plan id) through the outbox, in the caller's transaction. */
@ApplicationScoped
public class PlanEvents {

    @Inject
    Outbox outbox;

    @Inject
    PlanMapper mapper;

    @Inject
    Part2Labels labels;

    @Inject
    ConsistencyTokens tokens;

    /**
     * Flushes first so that the payload carries the committed version. The payload carries the plan's Part 2 label;
     * a plan with an SUD diagnosis labels its patient first ({@link Part2Labels}). The request answers the plan's new version
     * (Consistency-Token).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String type, CarePlan plan) {
        CarePlan.flush();
        outbox.publish(Topics.PLANS, plan.id, type, mapper.state(plan, labels.patientLabelWith(plan)));
        tokens.wrote(AggregateVersion.PLAN, plan.id, plan.version);
    }
}
