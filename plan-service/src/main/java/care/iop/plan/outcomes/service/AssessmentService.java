package care.iop.plan.outcomes.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.plan.outcomes.domain.Assessment;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.plan.risk.service.FlagAssignment;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.consistency.AggregateVersion;
import care.iop.platform.consistency.ReadModelBehindException;
import care.iop.platform.consistency.ReadYourWrites;
import care.iop.platform.outbox.Outbox;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Records scored assessments (raising safety flags in the same transaction) and reads them back. */
@ApplicationScoped
public class AssessmentService {
    public static final String RESOURCE = "Assessment";

    /** An assessment and the flag it raised (or null). */
    public record Recorded(Assessment assessment, SafetyFlag flag) {
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
    OutcomesConfig config;

    @Inject
    FlagAssignment flagAssignment;

    @ReadYourWrites
    @Transactional
    public Recorded record(@NotNull UUID patientId, @NotNull Instrument instrument, @NotNull List<Integer> answers,
                           @NotNull OffsetDateTime takenAt) {
        user.requireAccessToPatient(patientId, "Patient", patientId);
        Scoring.Score score = Scoring.score(instrument, answers);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (takenAt.isAfter(now.plus(config.clockSkew()))) {
            throw ProblemException.invalidField("takenAt", "must not be in the future");
        }
        if (!isKnownPatient(patientId)) {
            throw ReadModelBehindException.unknown("patientId", AggregateVersion.PATIENT, patientId);
        }
        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.patientId = patientId;
        assessment.instrument = instrument;
        assessment.answers = List.copyOf(answers);
        assessment.total = score.total();
        assessment.band = score.band();
        assessment.safetyFlag = score.safetyFlag();
        assessment.takenAt = takenAt;
        assessment.recordedAt = now;
        assessment.recordedBy = user.subject();
        assessment.source = user.isPatientOnly() ? Assessment.Source.SELF_REPORT : Assessment.Source.CLINICIAN;
        assessment.persist();
        SafetyFlag flag = null;
        if (score.safetyFlag()) {
            flag = new SafetyFlag();
            flag.id = UUID.randomUUID();
            flag.patientId = patientId;
            flag.assessmentId = assessment.id;
            flag.instrument = instrument;
            flag.reason = score.safetyReason();
            flag.status = SafetyFlag.Status.OPEN;
            flag.raisedAt = now;
            flagAssignment.assign(flag);
            flag.persist();
            em.flush();
            outbox.publish(Topics.PLANS, patientId, EventTypes.SAFETY_FLAG_RAISED, SafetyFlagEvents.state(flag));
        }
        audit.success(AuditAction.CREATE, RESOURCE, assessment.id, patientId);
        return new Recorded(assessment, flag);
    }

    /** 404 for an unknown id and for another patient's assessment (patient callers). */
    @Transactional
    public Recorded get(@NotNull UUID id) {
        Assessment assessment = Assessment.findById(id);
        if (assessment == null) {
            throw ProblemException.notFound(RESOURCE, id);
        }
        user.requireAccessToPatient(assessment.patientId, RESOURCE, id);
        SafetyFlag flag = SafetyFlag.find("assessmentId", assessment.id).firstResult();
        audit.success(AuditAction.READ, RESOURCE, id, assessment.patientId);
        return new Recorded(assessment, flag);
    }

    /**
     * What an assessment search selects; every field optional: the patient, the assessments, the instruments (any of
     * them; an empty set of ids or instruments selects nothing), taken from (inclusive) and before (exclusive), recorded from and before.
     */
    public record Criteria(UUID patientId, Set<UUID> ids, Set<Instrument> instruments, OffsetDateTime takenFrom, OffsetDateTime takenBefore,
                           OffsetDateTime recordedFrom, OffsetDateTime recordedBefore) {
    }

    /** The time series of one patient, oldest first; patients see only their own. */
    @Transactional
    public Page<Recorded> series(UUID patientId, Instrument instrument, LocalDate from, LocalDate to, PageQuery page) {
        UUID subjectPatient = patientId;
        if (user.isPatientOnly()) {
            UUID own = user.patientId().orElseThrow(() -> ProblemException.notFound("Patient", patientId));
            subjectPatient = patientId == null ? own : patientId;
            user.requireAccessToPatient(subjectPatient, "Patient", subjectPatient);
        } else if (patientId == null) {
            throw ProblemException.invalidField("patientId", "must not be null");
        }
        DateWindow window = DateWindow.of(from, to, config.timeZone());
        Page<Recorded> found = search(new Criteria(subjectPatient, null, instrument == null ? null : Set.of(instrument), window.start(),
                window.endExclusive(), null, null), page.offset(), page.size);
        return Page.of(found.items(), page, found.total());
    }

    /**
     * The assessments that match, oldest first, from {@code offset}, at most {@code limit}: a patient sees only its own
     * (another patient's: none). One audit row per search.
     */
    @Transactional
    public Page<Recorded> search(Criteria criteria, int offset, int limit) {
        UUID patient = criteria.patientId();
        if (user.isPatientOnly()) {
            UUID own = user.patientId().orElse(null);
            patient = own == null || (patient != null && !patient.equals(own)) ? null : own;
        }
        if ((user.isPatientOnly() && patient == null) || empty(criteria.ids()) || empty(criteria.instruments())) {
            audit.success(AuditAction.SEARCH, RESOURCE, null, List.of());
            return new Page<>(List.of(), 0, limit, 0);
        }
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        condition(where, params, "patientId = :patient", "patient", patient);
        condition(where, params, "id in :ids", "ids", criteria.ids());
        condition(where, params, "instrument in :instruments", "instruments", criteria.instruments());
        condition(where, params, "takenAt >= :takenFrom", "takenFrom", criteria.takenFrom());
        condition(where, params, "takenAt < :takenBefore", "takenBefore", criteria.takenBefore());
        condition(where, params, "recordedAt >= :recordedFrom", "recordedFrom", criteria.recordedFrom());
        condition(where, params, "recordedAt < :recordedBefore", "recordedBefore", criteria.recordedBefore());
        var found = Assessment.<Assessment>find(where.isEmpty() ? "1 = 1" : String.join(" and ", where),
                Sort.by("takenAt").and("recordedAt").and("id"), params);
        List<Assessment> items = limit == 0 ? List.of() : found.range(offset, offset + limit - 1).list();
        Map<UUID, SafetyFlag> flags = new HashMap<>();
        if (!items.isEmpty()) {
            SafetyFlag.<SafetyFlag>list("assessmentId in ?1", items.stream().map(a -> a.id).toList())
                    .forEach(f -> flags.put(f.assessmentId, f));
        }
        List<Recorded> result = new ArrayList<>();
        items.forEach(a -> result.add(new Recorded(a, flags.get(a.id))));
        if (patient != null) {
            audit.success(AuditAction.SEARCH, RESOURCE, null, patient);
        } else {
            audit.success(AuditAction.SEARCH, RESOURCE, null, items.stream().map(a -> a.patientId).toList());
        }
        return new Page<>(result, limit == 0 ? 0 : offset / limit, limit, found.count());
    }

    private static boolean empty(Set<?> values) {
        return values != null && values.isEmpty();
    }

    private static void condition(List<String> where, Parameters params, String condition, String name, Object value) {
        if (value != null) {
            where.add(condition);
            params.and(name, value);
        }
    }

    private boolean isKnownPatient(UUID patientId) {
        return !em.createNativeQuery("select 1 from known_patient where patient_id = ?1")
                .setParameter(1, patientId).getResultList().isEmpty();
    }
}
