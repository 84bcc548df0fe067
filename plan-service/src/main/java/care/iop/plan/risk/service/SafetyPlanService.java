package care.iop.plan.risk.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;

import care.iop.events.EventTypes;
import care.iop.events.SafetyPlanRecorded;
import care.iop.events.Topics;
import care.iop.plan.risk.domain.RiskScreen;
import care.iop.plan.risk.domain.SafetyPlan;
import care.iop.plan.risk.domain.SafetyPlanSections;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.consistency.ReadYourWrites;
import care.iop.platform.outbox.Outbox;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import io.quarkus.panache.common.Sort;

/**
 * A patient's Stanley-Brown safety plan, versioned: each plan recorded supersedes the previous one, the latest is in force.
 * A plan always names a crisis line: when the professionals and crisis lines name none, the configured default (988) is
 * added. Staff record plans; the patient reads its own (others answer 404, never revealing that it exists).
 */
@ApplicationScoped
public class SafetyPlanService {
    public static final String RESOURCE = "SafetyPlan";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    RiskConfig config;

    @Inject
    PatientCheck patients;

    @ReadYourWrites
    @Transactional
    public SafetyPlan record(@NotNull RecordSafetyPlan command) {
        if (command.screenId() != null) {
            RiskScreen screen = RiskScreen.findById(command.screenId());
            if (screen == null || !screen.patientId.equals(command.patientId())) {
                throw ProblemException.ruleViolation("screenId", "no risk screen " + command.screenId() + " of patient " + command.patientId());
            }
        }
        patients.requireKnown(command.patientId());
        SafetyPlanSections sections = command.sections();
        if (!sections.hasCrisisLine()) {
            sections = sections.withCrisisLine(new SafetyPlanSections.Contact(config.defaultCrisisLine().name(),
                    config.defaultCrisisLine().phone(), true));
        }
        lockPatient(command.patientId());
        Optional<SafetyPlan> previous = latestOf(command.patientId());
        SafetyPlan plan = new SafetyPlan();
        plan.id = UUID.randomUUID();
        plan.patientId = command.patientId();
        plan.planVersion = previous.map(p -> p.planVersion + 1).orElse(1);
        plan.supersedesId = previous.map(p -> p.id).orElse(null);
        plan.screenId = command.screenId();
        plan.sections = sections;
        plan.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        plan.recordedBy = user.subject();
        plan.persist();
        em.flush();
        outbox.publish(Topics.PLANS, plan.patientId, EventTypes.SAFETY_PLAN_RECORDED, new SafetyPlanRecorded(plan.id, plan.patientId,
                plan.planVersion, plan.supersedesId, plan.screenId, plan.recordedAt, plan.recordedBy));
        audit.success(AuditAction.CREATE, RESOURCE, plan.id, plan.patientId);
        return plan;
    }

    /** One version by id; a patient only its own. */
    @Transactional
    public SafetyPlan get(@NotNull UUID id) {
        SafetyPlan plan = SafetyPlan.findById(id);
        if (plan == null) {
            throw ProblemException.notFound(RESOURCE, id);
        }
        user.requireAccessToPatient(plan.patientId, RESOURCE, id);
        audit.success(AuditAction.READ, RESOURCE, id, plan.patientId);
        return plan;
    }

    /** The plan in force (the latest version); a patient only its own. 404 when the patient has none. */
    @Transactional
    public SafetyPlan current(@NotNull UUID patientId) {
        user.requireAccessToPatient(patientId, RESOURCE, patientId);
        SafetyPlan plan = latestOf(patientId).orElseThrow(() -> ProblemException.notFound(RESOURCE, "of patient " + patientId));
        audit.success(AuditAction.READ, RESOURCE, plan.id, patientId);
        return plan;
    }

    private static Optional<SafetyPlan> latestOf(UUID patientId) {
        return SafetyPlan.<SafetyPlan>find("patientId", Sort.descending("planVersion"), patientId).firstResultOptional();
    }

    /** Two plans recorded at once for one patient get consecutive versions rather than one failing on the unique version. */
    private void lockPatient(UUID patientId) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                .setParameter(1, "safety_plan:" + patientId).getSingleResult();
    }
}
