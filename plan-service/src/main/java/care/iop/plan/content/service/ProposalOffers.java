package care.iop.plan.content.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import care.iop.events.EventTypes;
import care.iop.events.PlanProposalOffered;
import care.iop.events.Topics;
import care.iop.plan.content.InterventionMix;
import care.iop.plan.content.OfferedProposal;
import care.iop.plan.content.PlanContent;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.domain.PlanStatus;
import care.iop.plan.privacy.Part2Labels;
import care.iop.plan.readmodel.KnownPatient;
import care.iop.plan.readmodel.PatientPreferencesChanged;
import care.iop.plan.service.ModalityProposer;
import care.iop.platform.outbox.Outbox;

/**
 * When a patient with an active plan changes group comfort or preferred modality, a new proposal is offered on the plan
 * ({@code offeredProposal}) with a {@code care.iop.plan.proposal-offered.v1} event, in the transaction of the patient event;
 * nothing of the plan's prescription changes. No offer when the proposal makes the mix the plan already prescribes (an
 * earlier offer is then withdrawn); an event whose patient version is not newer than the offer's offers nothing again.
 */
@ApplicationScoped
public class ProposalOffers {
    static final String GROUP_COMFORT = "groupComfort";
    static final String PREFERRED_MODALITY = "preferredModality";

    @Inject
    EntityManager em;

    @Inject
    ModalityProposer proposer;

    @Inject
    ProposalInputs inputs;

    @Inject
    PlanDocuments documents;

    @Inject
    Outbox outbox;

    @Inject
    Part2Labels labels;

    @Transactional(Transactional.TxType.MANDATORY)
    void onPreferencesChanged(@Observes PatientPreferencesChanged change) {
        CarePlan plan = CarePlan.find("patientId = ?1 and status = ?2", change.patientId(), PlanStatus.ACTIVE).firstResult();
        if (plan == null) {
            return;
        }
        OfferedProposal previous = documents.offer(plan);
        if (previous != null && previous.patientVersion() >= change.version()) {
            return;
        }
        KnownPatient patient = KnownPatient.findById(change.patientId());
        em.refresh(patient); // the read model was just written with SQL, maybe after this entity was loaded
        PlanContent content = documents.read(plan);
        ModalityProposer.Proposal proposal = proposer.propose(inputs.of(patient, plan.levelOfCare, plan.startDate, plan.primaryClinicianId,
                content.objectiveIds()));
        if (InterventionMix.agrees(proposal.mix(), plan.modality())) {
            if (previous != null) {
                documents.writeOffer(plan, null);
                plan.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            }
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OfferedProposal offer = new OfferedProposal(proposal.step(), content.withInterventions(proposal.interventions()).withIds().interventions(),
                proposal.mix(), proposal.stepUp(), proposal.rationale(), reason(change), now, change.version());
        documents.writeOffer(plan, offer);
        plan.updatedAt = now;
        CarePlan.flush();
        outbox.publish(Topics.PLANS, plan.id, EventTypes.PLAN_PROPOSAL_OFFERED, new PlanProposalOffered(plan.id, plan.patientId,
                plan.primaryClinicianId, plan.version, offer.step(), offer.modality(), offer.stepUp() == null ? null : offer.stepUp().kind(),
                offer.stepUp() == null ? null : offer.stepUp().to(), changes(change), change.version(), now, labels.patientLabelWith(plan)));
    }

    private static String reason(PatientPreferencesChanged change) {
        List<String> parts = new ArrayList<>();
        if (change.comfortChanged()) {
            parts.add("group comfort " + change.previousGroupComfort() + " -> " + change.groupComfort());
        }
        if (change.preferenceChanged()) {
            parts.add("preferred modality " + change.previousPreferredModality() + " -> " + change.preferredModality());
        }
        return String.join("; ", parts);
    }

    private static List<String> changes(PatientPreferencesChanged change) {
        List<String> changes = new ArrayList<>();
        if (change.comfortChanged()) {
            changes.add(GROUP_COMFORT);
        }
        if (change.preferenceChanged()) {
            changes.add(PREFERRED_MODALITY);
        }
        return changes;
    }
}
