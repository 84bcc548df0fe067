package care.iop.plan.risk.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.plan.outcomes.service.SafetyFlagEvents;
import care.iop.plan.outcomes.service.SafetyFlagService;
import care.iop.plan.risk.domain.RiskScreen;
import care.iop.plan.risk.domain.SafetyPlan;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.outbox.Outbox;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.time.ProgramTime;
import care.iop.platform.web.ETags;

/**
 * Closes a safety flag the way the pathway requires: with a C-SSRS screen of the same patient, taken on or after the
 * program day the flag was raised, and with a safety plan of that patient when the screen's risk is moderate or high.
 * Publishes SafetyFlagResolved (a status of its own, so reports tell a screened flag from one acknowledged without a screen).
 */
@ApplicationScoped
public class SafetyFlagResolution {
    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    ProgramTime time;

    /**
     * 404 unknown flag; 412 when {@code ifMatch} names an older version; 409 when the flag is no longer open; 422 naming
     * {@code screenId} (unknown, another patient's, taken before the flag's day) or {@code safetyPlanId} (missing although
     * the risk needs one, unknown, another patient's).
     */
    @Transactional
    public SafetyFlag resolve(@NotNull UUID flagId, @NotNull UUID screenId, UUID safetyPlanId, String ifMatch) {
        SafetyFlag flag = SafetyFlag.findById(flagId);
        if (flag == null) {
            throw ProblemException.notFound(SafetyFlagService.RESOURCE, flagId);
        }
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireMatch(ifMatch, flag.version);
        }
        if (flag.status != SafetyFlag.Status.OPEN) {
            throw ProblemException.conflict("Safety flag " + flagId + " is already closed (" + flag.status + ")");
        }
        RiskScreen screen = RiskScreen.findById(screenId);
        if (screen == null || !screen.patientId.equals(flag.patientId)) {
            throw ProblemException.ruleViolation("screenId", "no risk screen " + screenId + " of the flag's patient");
        }
        if (time.dayOf(screen.takenAt).isBefore(time.dayOf(flag.raisedAt))) {
            throw ProblemException.ruleViolation("screenId", "the screen was taken before the day the flag was raised");
        }
        if (safetyPlanId == null && screen.risk.needsSafetyPlan()) {
            throw ProblemException.ruleViolation("safetyPlanId", "required: the screen found " + screen.risk + " risk");
        }
        if (safetyPlanId != null) {
            SafetyPlan plan = SafetyPlan.findById(safetyPlanId);
            if (plan == null || !plan.patientId.equals(flag.patientId)) {
                throw ProblemException.ruleViolation("safetyPlanId", "no safety plan " + safetyPlanId + " of the flag's patient");
            }
        }
        flag.status = SafetyFlag.Status.RESOLVED;
        flag.resolvedAt = OffsetDateTime.now(ZoneOffset.UTC);
        flag.resolvedBy = user.subject();
        flag.riskScreenId = screenId;
        flag.safetyPlanId = safetyPlanId;
        em.flush();
        outbox.publish(Topics.PLANS, flag.patientId, EventTypes.SAFETY_FLAG_RESOLVED, SafetyFlagEvents.state(flag));
        audit.success(AuditAction.UPDATE, SafetyFlagService.RESOURCE, flagId, flag.patientId);
        return flag;
    }
}
