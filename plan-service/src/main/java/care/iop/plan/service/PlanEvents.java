package care.iop.plan.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import care.iop.events.Topics;
import care.iop.plan.domain.CarePlan;
import care.iop.platform.outbox.Outbox;

/** Publishes plan events (PlanState, key = plan id) through the outbox, in the caller's transaction. */
@ApplicationScoped
public class PlanEvents {

    @Inject
    Outbox outbox;

    @Inject
    PlanMapper mapper;

    /** Flushes first so that the payload carries the committed version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String type, CarePlan plan) {
        CarePlan.flush();
        outbox.publish(Topics.PLANS, plan.id, type, mapper.state(plan));
    }
}
