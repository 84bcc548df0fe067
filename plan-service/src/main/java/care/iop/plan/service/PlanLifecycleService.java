package care.iop.plan.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import care.iop.events.EventTypes;
import care.iop.plan.config.PlanConfig;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.domain.PlanStatus;
import care.iop.plan.domain.PlanStatusTransition;
import care.iop.plan.privacy.MinimumNecessary;
import care.iop.plan.rest.PlanView;
import care.iop.plan.rest.StatusChangeRequest;
import care.iop.plan.rest.TransitionView;
import care.iop.plan.signing.service.SigningService;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.consistency.ReadYourWrites;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.web.ETags;

/** The FHIR CarePlan lifecycle of a plan; every transition is kept. */
@ApplicationScoped
public class PlanLifecycleService {

    @Inject
    PlanAccess access;

    @Inject
    PlanRules rules;

    @Inject
    PlanService plans;

    @Inject
    PlanEvents events;

    @Inject
    PlanMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    MinimumNecessary necessary;

    @Inject
    PlanConfig config;

    @Inject
    SigningService signing;

    @ReadYourWrites
    @Transactional
    public PlanView changeStatus(UUID id, String ifMatch, @Valid @NotNull StatusChangeRequest request) {
        PlanStatus target = PlanStatus.fromCode(request.status()).orElseThrow(() -> ProblemException.invalidField("status",
                "must be one of " + String.join(", ", PlanStatus.codes())));
        CarePlan plan = access.planForUpdate(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, plan.version);
        }
        PlanStatus from = plan.status;
        if (!from.canMoveTo(target)) {
            String allowed = from.allowedNext().isEmpty() ? "none (" + from.code() + " is final)"
                    : from.allowedNext().stream().map(PlanStatus::code).collect(Collectors.joining(", "));
            throw ProblemException.conflict("A " + from.code() + " plan cannot become " + target.code() + "; allowed: " + allowed);
        }
        if (target == PlanStatus.ACTIVE) {
            rules.activatable(plan, ModalitySchedule.of(plan), config.today());
            signing.requireSignedForActivation(plan, from);
            if (from == PlanStatus.DRAFT) {
                requireNoOtherCurrentPlan(plan);
            }
        }
        plan.status = target;
        plan.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        plans.recordTransition(plan, from, target, request.reason());
        events.publish(EventTypes.PLAN_STATUS_CHANGED, plan);
        audit.success(AuditAction.UPDATE, PlanAccess.RESOURCE, id, plan.patientId);
        return plans.view(plan);
    }

    @Transactional
    public List<TransitionView> transitions(UUID id) {
        CarePlan plan = access.visiblePlan(id);
        audit.success(AuditAction.READ, PlanAccess.RESOURCE, id, plan.patientId);
        boolean reasons = necessary.clinicalContent();
        return PlanStatusTransition.ofPlan(id).stream().map(mapper::view).map(t -> reasons ? t : t.withoutReason()).toList();
    }

    private static void requireNoOtherCurrentPlan(CarePlan plan) {
        // Serialises activations of the same patient's plans (the unique index is the last line of defence).
        CarePlan.getEntityManager().createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(?1))) l")
                .setParameter(1, plan.patientId.toString()).getSingleResult();
        CarePlan other = CarePlan.find("patientId = ?1 and id <> ?2 and status in (?3, ?4)", plan.patientId, plan.id,
                PlanStatus.ACTIVE, PlanStatus.ON_HOLD).firstResult();
        if (other != null) {
            throw ProblemException.conflict("Patient " + plan.patientId + " already has a " + other.status.code() + " plan (" + other.id
                    + "); complete or revoke it first");
        }
    }
}
