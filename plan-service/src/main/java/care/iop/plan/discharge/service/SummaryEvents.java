package care.iop.plan.discharge.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.events.DischargeSummarySigned;
import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.plan.discharge.domain.DischargeSummary;
import care.iop.plan.privacy.Part2Labels;
import care.iop.platform.outbox.Outbox;

/** Publishes {@code discharge-summary.signed} through the outbox, in the signing transaction (ids and codes, no narrative). */
@ApplicationScoped
public class SummaryEvents {

    @Inject
    Outbox outbox;

    @Inject
    Part2Labels labels;

    void signed(DischargeSummary s) {
        DischargeSummary.getEntityManager().flush();
        outbox.publish(Topics.PLANS, s.patientId, EventTypes.DISCHARGE_SUMMARY_SIGNED, new DischargeSummarySigned(s.id, s.patientId,
                s.episodeId, s.planId, s.reasonCode, s.dischargedOn, s.levelOfCare, s.signedBy, s.signedAt, s.version,
                labels.patientLabel(s.patientId)));
    }
}
