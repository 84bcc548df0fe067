package care.iop.plan.signing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import care.iop.events.EventTypes;
import care.iop.events.PlanSignature;
import care.iop.events.Topics;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.privacy.Part2Labels;
import care.iop.platform.consistency.AggregateVersion;
import care.iop.platform.consistency.ConsistencyTokens;
import care.iop.platform.outbox.Outbox;

/** Publishes {@code plan.signed} (key: the plan id) through the outbox, in the caller's transaction, with the plan's Part 2 label. */
@ApplicationScoped
public class SigningEvents {

    @Inject
    Outbox outbox;

    @Inject
    Part2Labels labels;

    @Inject
    ConsistencyTokens tokens;

    @Transactional(Transactional.TxType.MANDATORY)
    public void signed(CarePlan plan, care.iop.plan.signing.domain.PlanSignature signature, boolean versionSigned) {
        CarePlan.flush();
        outbox.publish(Topics.PLANS, plan.id, EventTypes.PLAN_SIGNED, new PlanSignature(plan.id, plan.patientId, signature.versionNumber,
                signature.roleCode, signature.methodCode, signature.signedAt, versionSigned, plan.signedVersion, plan.status.code(),
                plan.version, labels.patientLabelWith(plan)));
        tokens.wrote(AggregateVersion.PLAN, plan.id, plan.version);
    }
}
