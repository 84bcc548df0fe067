package care.iop.plan.risk.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;

import care.iop.events.EventTypes;
import care.iop.events.RiskScreenRecorded;
import care.iop.events.Topics;
import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.plan.outcomes.service.OutcomesConfig;
import care.iop.plan.outcomes.service.SafetyFlagEvents;
import care.iop.plan.risk.domain.CssrsScreener;
import care.iop.plan.risk.domain.RiskLevel;
import care.iop.plan.risk.domain.RiskScreen;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.consistency.ReadYourWrites;
import care.iop.platform.outbox.Outbox;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;
import io.quarkus.panache.common.Sort;

/**
 * Records C-SSRS screeners (scored by {@link CssrsScreener}) and reads them back. A HIGH risk raises an URGENT safety flag
 * for the on-call role in the same transaction. Screens are clinical data: clinicians and admins only, every access audited.
 */
@ApplicationScoped
public class RiskScreenService {
    public static final String RESOURCE = "RiskScreen";
    public static final String URGENT_REASON = "C-SSRS high risk";

    /** A recorded screen and the URGENT flag it raised (or null). */
    public record Recorded(RiskScreen screen, SafetyFlag urgentFlag) {
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    OutcomesConfig outcomes;

    @Inject
    RiskConfig config;

    @Inject
    FlagAssignment assignment;

    @Inject
    PatientCheck patients;

    @ReadYourWrites
    @Transactional
    public Recorded record(@NotNull RecordRiskScreen command) {
        RiskLevel risk = CssrsScreener.risk(command.answers(), command.withinPastThreeMonths());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (command.takenAt().isAfter(now.plus(outcomes.clockSkew()))) {
            throw ProblemException.invalidField("takenAt", "must not be in the future");
        }
        if (command.flagId() != null) {
            SafetyFlag flag = SafetyFlag.findById(command.flagId());
            if (flag == null || !flag.patientId.equals(command.patientId())) {
                throw ProblemException.ruleViolation("flagId", "no safety flag " + command.flagId() + " of patient " + command.patientId());
            }
        }
        patients.requireKnown(command.patientId());
        RiskScreen screen = new RiskScreen();
        screen.id = UUID.randomUUID();
        screen.patientId = command.patientId();
        screen.flagId = command.flagId();
        screen.answers(command.answers());
        screen.item6WithinThreeMonths = command.withinPastThreeMonths();
        screen.risk = risk;
        screen.takenAt = command.takenAt();
        screen.recordedAt = now;
        screen.recordedBy = user.subject();
        screen.persist();
        em.flush();
        SafetyFlag urgent = risk == RiskLevel.HIGH ? raiseUrgentFlag(screen) : null;
        outbox.publish(Topics.PLANS, screen.patientId, EventTypes.RISK_SCREEN_RECORDED, new RiskScreenRecorded(screen.id,
                screen.patientId, screen.flagId, risk.name(), urgent == null ? null : urgent.id, screen.takenAt, now, screen.recordedBy));
        audit.success(AuditAction.CREATE, RESOURCE, screen.id, screen.patientId);
        return new Recorded(screen, urgent);
    }

    private SafetyFlag raiseUrgentFlag(RiskScreen screen) {
        SafetyFlag flag = new SafetyFlag();
        flag.id = UUID.randomUUID();
        flag.kind = SafetyFlag.Kind.URGENT;
        flag.patientId = screen.patientId;
        flag.sourceScreenId = screen.id;
        flag.reason = URGENT_REASON;
        flag.status = SafetyFlag.Status.OPEN;
        flag.raisedAt = screen.recordedAt;
        assignment.assignToRole(flag, config.onCallRole());
        flag.persist();
        em.flush();
        outbox.publish(Topics.PLANS, flag.patientId, EventTypes.SAFETY_FLAG_RAISED, SafetyFlagEvents.state(flag));
        return flag;
    }

    @Transactional
    public RiskScreen get(@NotNull UUID id) {
        RiskScreen screen = RiskScreen.findById(id);
        if (screen == null) {
            throw ProblemException.notFound(RESOURCE, id);
        }
        audit.success(AuditAction.READ, RESOURCE, id, screen.patientId);
        return screen;
    }

    /** One patient's screens, newest first. */
    @Transactional
    public Page<RiskScreen> list(@NotNull UUID patientId, PageQuery page) {
        var found = RiskScreen.<RiskScreen>find("patientId", Sort.descending("takenAt").and("id"), patientId).page(page.page, page.size);
        List<RiskScreen> items = found.list();
        audit.success(AuditAction.SEARCH, RESOURCE, null, patientId);
        items.forEach(screen -> audit.success(AuditAction.READ, RESOURCE, screen.id, patientId));
        return Page.of(items, page, found.count());
    }
}
