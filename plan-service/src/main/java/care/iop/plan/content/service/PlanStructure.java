package care.iop.plan.content.service;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.events.ModalityMix;
import care.iop.plan.content.ContentRules;
import care.iop.plan.content.Intervention;
import care.iop.plan.content.InterventionMix;
import care.iop.plan.content.PlanContent;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.episode.domain.StepDown;
import care.iop.plan.domain.ModalityChange;
import care.iop.plan.domain.PlanStatus;
import care.iop.plan.readmodel.KnownPatient;
import care.iop.plan.service.ModalityProposer;
import care.iop.plan.service.PlanRules;
import care.iop.platform.problem.ProblemException;

/**
 * The plan's structure at creation, edit and modality switch: the shape rules ({@link ContentRules}, 400), the responsible
 * clinicians (known and active: 422, or read-model-behind), and the modality mix that follows from the interventions
 * ({@link InterventionMix}): derived when the request has no {@code modality}, checked when it has both (422 naming
 * {@code modality}), interventions derived from a {@code modality}-only request, the proposal when it has neither.
 */
@ApplicationScoped
public class PlanStructure {

    @Inject
    PlanRules rules;

    @Inject
    ModalityProposer proposer;

    @Inject
    ProposalInputs inputs;

    @Inject
    PlanDocuments documents;

    /** A new plan's structure as requested; {@code content.interventions()} and {@code modality} may each be null. */
    public record NewPlan(KnownPatient patient, UUID primaryClinicianId, String levelOfCare, LocalDate startDate, int durationWeeks,
                          PlanContent content, ModalityMix modality) {
    }

    /** The structure to store, the mix it makes, the request field the mix came from, and the proposal when there was one. */
    public record Resolved(PlanContent content, ModalityMix mix, String field, ModalityProposer.Proposal proposal) {
        public boolean proposed() {
            return proposal != null;
        }
    }

    /** A switch's new mix, the field it came from, and the interventions it names (null: they follow the mix). */
    public record Switch(ModalityMix mix, String field, List<Intervention> interventions) {
    }

    public Resolved forNewPlan(NewPlan plan) {
        PlanContent content = ContentRules.checked(withDefaults(plan.content(), plan.primaryClinicianId()), plan.startDate(),
                plan.durationWeeks());
        activeClinicians(content.interventionList(), Set.of(plan.primaryClinicianId()));
        if (content.interventions() != null) {
            ModalityMix mix = derived(content, plan.modality());
            return new Resolved(content, mix, "interventions", null);
        }
        if (plan.modality() != null) {
            rules.wellFormed(plan.modality(), "modality");
            List<Intervention> derived = InterventionMix.fromMix(plan.modality(), plan.primaryClinicianId(), List.of());
            return new Resolved(content.withInterventions(derived).withIds(), plan.modality(), "modality", null);
        }
        ModalityProposer.Proposal proposal = proposer.propose(inputs.of(plan.patient(), plan.levelOfCare(), plan.startDate(), plan.primaryClinicianId(),
                content.objectiveIds()));
        return new Resolved(content.withInterventions(proposal.interventions()).withIds(), proposal.mix(), "modality", proposal);
    }

    /**
     * PUT: stores the requested structure; interventions left out stay as they are. Interventions that change the mix are
     * accepted on a draft without modality switches (its initial mix follows them, under the rules of creation), else 422
     * naming {@code interventions}: a change of the mix in force is a modality switch, with its date and history.
     */
    public void update(CarePlan plan, PlanContent requested, LocalDate startDate, int durationWeeks) {
        PlanContent current = documents.read(plan);
        PlanContent content = requested.interventions() == null ? requested.withInterventions(current.interventionList())
                : withDefaults(requested, plan.primaryClinicianId);
        content = ContentRules.checked(content, startDate, durationWeeks);
        activeClinicians(content.interventionList(), responsible(current, plan.primaryClinicianId));
        if (requested.interventions() != null) {
            ModalityMix mix = derived(content, null);
            if (!InterventionMix.agrees(mix, plan.modality())) {
                if (plan.status != PlanStatus.DRAFT || ModalityChange.count("planId", plan.id) > 0) {
                    throw ProblemException.ruleViolation("interventions", "The interventions make " + describe(mix) + " a week, but the plan"
                            + " prescribes " + describe(plan.modality()) + ": switch the mix with POST /plans/" + plan.id
                            + "/modality-changes carrying the interventions");
                }
                KnownPatient patient = rules.treatablePatient(plan.patientId);
                plan.stepDownSince = rules.allowedMix(mix, "interventions", patient, plan.levelOfCare, plan.startDate,
                        StepDown.none(plan.startDate));
                plan.applyModality(mix);
                plan.modalityProposed = false;
                plan.modalityRationale = null;
            }
        }
        if (!content.interventionList().equals(current.interventionList())) {
            documents.writeOffer(plan, null);
        }
        documents.write(plan, content);
    }

    /** A modality switch: the new mix from {@code modality}, from {@code interventions}, or from both when they agree. */
    public Switch forSwitch(CarePlan plan, ModalityMix modality, List<Intervention> interventions) {
        if (interventions == null) {
            if (modality == null) {
                throw ProblemException.invalidField("modality", "give the new modality, the interventions, or both");
            }
            rules.wellFormed(modality, "modality");
            return new Switch(modality, "modality", null);
        }
        PlanContent current = documents.read(plan);
        PlanContent content = ContentRules.checked(withDefaults(current.withInterventions(interventions), plan.primaryClinicianId),
                plan.startDate, plan.durationWeeks);
        activeClinicians(content.interventionList(), responsible(current, plan.primaryClinicianId));
        return new Switch(derived(content, modality), "interventions", content.interventions());
    }

    /** After a switch: its interventions, or the plan's interventions following the new mix; an offered proposal is gone. */
    public void applySwitch(CarePlan plan, Switch change) {
        PlanContent current = documents.read(plan);
        List<Intervention> next = change.interventions() != null ? change.interventions()
                : InterventionMix.follow(current.interventionList(), change.mix(), plan.primaryClinicianId);
        documents.write(plan, current.withInterventions(next).withIds());
        documents.writeOffer(plan, null);
    }

    /** The interventions' mix, well formed; when {@code modality} is given too it must agree (else 422 naming it). */
    private ModalityMix derived(PlanContent content, ModalityMix modality) {
        ModalityMix mix = InterventionMix.of(content.interventions());
        rules.wellFormed(mix, "interventions");
        if (modality != null && !InterventionMix.agrees(mix, modality)) {
            throw ProblemException.ruleViolation("modality", "The modality " + describe(modality) + " disagrees with the interventions, which"
                    + " make " + describe(mix) + " a week: leave modality out (it follows from the interventions) or make them agree");
        }
        return mix;
    }

    private void activeClinicians(List<Intervention> interventions, Set<UUID> alreadyChecked) {
        Set<UUID> checked = new HashSet<>(alreadyChecked);
        for (int i = 0; i < interventions.size(); i++) {
            UUID clinician = interventions.get(i).responsibleClinicianId();
            if (checked.add(clinician)) {
                rules.activeClinician(clinician, "interventions[" + i + "].responsibleClinicianId");
            }
        }
    }

    private static Set<UUID> responsible(PlanContent current, UUID primary) {
        Set<UUID> ids = new HashSet<>();
        ids.add(primary);
        current.interventionList().forEach(i -> ids.add(i.responsibleClinicianId()));
        return ids;
    }

    /** Interventions without a responsible clinician get the primary one. */
    private static PlanContent withDefaults(PlanContent content, UUID primary) {
        if (content.interventions() == null) {
            return content;
        }
        return content.withInterventions(content.interventions().stream()
                .map(i -> i.responsibleClinicianId() != null ? i : new Intervention(i.id(), i.modality(), i.description(), i.sessionsPerWeek(),
                        i.minutesPerSession(), i.durationWeeks(), primary, i.objectiveIds()))
                .toList());
    }

    private static String describe(ModalityMix mix) {
        return String.format(java.util.Locale.ROOT, "%d x %d min individual + %s h group + %d family sessions",
                mix.individualSessionsPerWeek(), mix.individualSessionMinutes(), ModalityProposer.hours(mix.groupHoursPerWeek()),
                mix.familySessionsPerWeek());
    }
}
