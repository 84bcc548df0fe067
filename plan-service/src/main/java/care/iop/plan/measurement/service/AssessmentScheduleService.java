package care.iop.plan.measurement.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import care.iop.plan.domain.CarePlan;
import care.iop.plan.measurement.domain.AssessmentSchedule;
import care.iop.plan.measurement.domain.EffectiveSchedule;
import care.iop.plan.measurement.domain.InstrumentSchedule;
import care.iop.plan.service.PlanAccess;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.web.ETags;

/**
 * Reads and replaces a plan's assessment schedule. The plan's own entries override the defaults instrument by
 * instrument; a replace names only the instruments the plan sets itself (an empty list goes back to the defaults).
 */
@ApplicationScoped
public class AssessmentScheduleService {
    public static final String RESOURCE = "AssessmentSchedule";

    @Inject
    PlanAccess plans;

    @Inject
    AuditLog audit;

    @Inject
    MeasurementConfig config;

    /** 404 for an unknown plan or another patient's (patient tokens). */
    @Transactional
    public EffectiveSchedule get(UUID planId) {
        CarePlan plan = plans.visiblePlan(planId);
        EffectiveSchedule schedule = EffectiveSchedule.of(config.defaults(), AssessmentSchedule.findById(planId));
        audit.success(AuditAction.READ, RESOURCE, planId, plan.patientId);
        return schedule;
    }

    /**
     * Replaces the plan's own entries: 400/422 naming the entry's field ({@link ScheduleValidation}), 404 for an unknown
     * plan, 409 for a completed, revoked or entered-in-error plan, 428/412 without the schedule's current ETag.
     */
    @Transactional
    public EffectiveSchedule replace(UUID planId, String ifMatch, List<InstrumentSchedule> entries) {
        ScheduleValidation.check(entries, config.defaults().keySet());
        CarePlan plan = plans.planForUpdate(planId);
        AssessmentSchedule own = AssessmentSchedule.findById(planId);
        ETags.requireMatch(ifMatch, own == null ? 0 : own.revision);
        if (plan.status.isTerminal()) {
            throw ProblemException.conflict("Plan " + planId + " is " + plan.status.code() + ": its schedule no longer changes");
        }
        if (own == null) {
            own = new AssessmentSchedule();
            own.planId = planId;
        }
        own.entries = List.copyOf(entries);
        own.revision++;
        own.updatedBy = plans.subject();
        own.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        own.persist();
        audit.success(AuditAction.UPDATE, RESOURCE, planId, plan.patientId);
        return EffectiveSchedule.of(config.defaults(), own);
    }
}
