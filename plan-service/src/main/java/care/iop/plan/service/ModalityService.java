package care.iop.plan.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import care.iop.events.EventTypes;
import care.iop.events.ModalityMix;
import care.iop.events.PlanState;
import care.iop.plan.config.PlanConfig;
import care.iop.plan.content.service.PlanStructure;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.domain.ModalityChange;
import care.iop.plan.episode.domain.StepDown;
import care.iop.plan.privacy.MinimumNecessary;
import care.iop.plan.readmodel.KnownPatient;
import care.iop.plan.rest.ModalityChangeRequest;
import care.iop.plan.rest.PlanContentDtos;
import care.iop.plan.rest.ModalityChangeView;
import care.iop.plan.signing.domain.VersionCause;
import care.iop.plan.signing.service.PlanVersions;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.consistency.ReadYourWrites;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.web.ETags;

/** Switches a plan between modality mixes, under the same rules as creation, keeping the history. */
@ApplicationScoped
public class ModalityService {

    @Inject
    PlanConfig config;

    @Inject
    PlanAccess access;

    @Inject
    PlanRules rules;

    @Inject
    PlanStructure structure;

    @Inject
    PlanEvents events;

    @Inject
    PlanMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    MinimumNecessary necessary;

    @Inject
    PlanVersions versions;

    @ReadYourWrites
    @Transactional
    public ModalityChangeView change(UUID planId, String ifMatch, @Valid @NotNull ModalityChangeRequest request) {
        CarePlan plan = access.planForUpdate(planId);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, plan.version);
        }
        PlanService.requireEditable(plan);
        PlanStructure.Switch content = structure.forSwitch(plan, request.modality() == null ? null : request.modality().toMix(),
                PlanContentDtos.interventions(request.interventions()));
        ModalityMix to = content.mix();
        LocalDate effectiveFrom = request.effectiveFrom() == null ? config.today() : request.effectiveFrom();
        if (effectiveFrom.isBefore(plan.startDate) || !effectiveFrom.isBefore(plan.endDate)) {
            throw ProblemException.invalidField("effectiveFrom", "must be within the plan, from " + plan.startDate + " to before " + plan.endDate);
        }
        // The mix in force on that day (a switch dated before one already recorded starts from the mix before it).
        List<ModalityChange> recorded = new ArrayList<>(ModalityChange.ofPlan(plan.id));
        ModalityMix from = PlanState.modalityOn(ModalitySchedule.of(plan, recorded), plan.modality(), effectiveFrom);
        if (from.equals(to)) {
            throw ProblemException.conflict("On " + effectiveFrom + " the plan already prescribes this modality mix");
        }
        KnownPatient patient = rules.treatablePatient(plan.patientId);
        LocalDate stepDownSince = rules.allowedMix(to, content.field(), patient, plan.levelOfCare, plan.startDate,
                StepDown.switching(effectiveFrom, plan.stepDownSince, from.weeklyHours(), to.weeklyHours()));

        ModalityChange change = new ModalityChange();
        change.id = UUID.randomUUID();
        change.planId = plan.id;
        change.setFrom(from);
        change.setTo(to);
        change.effectiveFrom = effectiveFrom;
        change.reason = request.reason();
        change.belowMinimumJustification = blank(request.belowMinimumJustification()) ? null : request.belowMinimumJustification();
        change.changedBy = access.subject();
        change.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
        change.persist();
        recorded.add(change);

        // The plan's mix (and its interventions) are the ones last in effect, which a backdated switch does not replace.
        ModalityChange last = ModalitySchedule.relink(recorded);
        if (last == change) {
            structure.applySwitch(plan, content);
        }
        plan.applyModality(last.to());
        plan.modalityEffectiveFrom = last.effectiveFrom;
        plan.modalityProposed = false;
        plan.modalityRationale = last.reason;
        plan.belowMinimumJustification = last.belowMinimumJustification;
        if (last == change) {
            plan.stepDownSince = stepDownSince;
        }
        plan.updatedAt = change.changedAt;
        versions.record(plan, VersionCause.MODALITY_SWITCH, true);
        events.publish(EventTypes.PLAN_MODALITY_CHANGED, plan);
        audit.success(AuditAction.UPDATE, PlanAccess.RESOURCE, planId, plan.patientId);
        return mapper.view(change);
    }

    @Transactional
    public List<ModalityChangeView> history(UUID planId) {
        CarePlan plan = access.visiblePlan(planId);
        audit.success(AuditAction.READ, PlanAccess.RESOURCE, planId, plan.patientId);
        boolean reasons = necessary.clinicalContent();
        return ModalityChange.ofPlan(planId).stream().map(mapper::view).map(c -> reasons ? c : c.withoutReasons()).toList();
    }

    static boolean noChanges(UUID planId) {
        return ModalityChange.count("planId", planId) == 0;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
