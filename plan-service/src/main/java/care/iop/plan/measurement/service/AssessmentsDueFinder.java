package care.iop.plan.measurement.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import care.iop.plan.domain.PlanStatus;
import care.iop.plan.measurement.domain.AssessmentDue;
import care.iop.plan.measurement.domain.AssessmentSchedule;
import care.iop.plan.measurement.domain.DueRules;
import care.iop.plan.measurement.domain.EffectiveSchedule;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.privacy.Part2ListFilter;
import care.iop.platform.time.ProgramTime;

/**
 * Computes the assessments due of current (active or on-hold) plans with two indexed queries, whatever the number of
 * patients: the plans with their admission day and own schedule, then each patient's latest assessment per instrument;
 * {@link DueRules} does the rest in memory. Part 2 patients a caller outside the program may not see are left out
 * ({@link Part2ListFilter}). Audits nothing: its callers do.
 */
@ApplicationScoped
public class AssessmentsDueFinder {
    @Inject
    EntityManager em;

    @Inject
    Part2ListFilter part2Filter;

    @Inject
    MeasurementConfig config;

    @Inject
    ProgramTime time;

    /** Whose plans: one patient's, one primary clinician's, or (both null) the program's. */
    public record Scope(UUID patientId, UUID clinicianId) {
        public static Scope patient(UUID patientId) {
            return new Scope(patientId, null);
        }

        public static Scope clinician(UUID clinicianId) {
            return new Scope(null, clinicianId);
        }
    }

    private record PlanRow(UUID planId, UUID patientId, UUID clinicianId, LocalDate admission, LocalDate endDate,
            AssessmentSchedule own) {
    }

    /** What is due on {@code today} (overdue after its last on-time day), listing ahead up to {@code lastDay}; in {@link AssessmentDue#ORDER}. */
    public List<AssessmentDue> find(Scope scope, LocalDate today, LocalDate lastDay) {
        Map<String, Object> params = new HashMap<>();
        String plans = planCondition(scope, params);
        List<PlanRow> rows = plans(plans, params);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Map<Instrument, OffsetDateTime>> latest = latestTaken(plans, params);
        DueRules rules = new DueRules(config.windows());
        var defaults = config.defaults();
        List<AssessmentDue> due = new ArrayList<>();
        for (PlanRow plan : rows) {
            Map<Instrument, OffsetDateTime> taken = latest.getOrDefault(plan.patientId(), Map.of());
            for (EffectiveSchedule.Entry entry : EffectiveSchedule.of(defaults, plan.own()).entries()) {
                Instrument instrument = entry.schedule().instrument();
                OffsetDateTime lastTaken = taken.get(instrument);
                rules.due(entry.schedule(), plan.admission(), plan.endDate(), lastTaken == null ? null : time.dayOf(lastTaken), today, lastDay)
                        .ifPresent(d -> due.add(new AssessmentDue(plan.patientId(), plan.planId(), plan.clinicianId(), instrument,
                                d.occurrence().dueOn(), d.occurrence().lastOnTimeDay(), d.overdue(), lastTaken)));
            }
        }
        due.sort(AssessmentDue.ORDER);
        return due;
    }

    private String planCondition(Scope scope, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        where.add("p.status in :current");
        params.put("current", List.of(PlanStatus.ACTIVE, PlanStatus.ON_HOLD));
        if (scope.patientId() != null) {
            where.add("p.patientId = :patient");
            params.put("patient", scope.patientId());
        }
        if (scope.clinicianId() != null) {
            where.add("p.primaryClinicianId = :clinician");
            params.put("clinician", scope.clinicianId());
        }
        part2Filter.jpql("p.patientId", params).ifPresent(where::add);
        return String.join(" and ", where);
    }

    private List<PlanRow> plans(String condition, Map<String, Object> params) {
        var query = em.createQuery("select p.id, p.patientId, p.primaryClinicianId, coalesce(e.admittedOn, p.startDate), p.endDate, s"
                + " from CarePlan p left join EpisodeOfCare e on e.id = p.episodeId left join AssessmentSchedule s on s.planId = p.id"
                + " where " + condition, Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList().stream().map(r -> new PlanRow((UUID) r[0], (UUID) r[1], (UUID) r[2], (LocalDate) r[3],
                (LocalDate) r[4], (AssessmentSchedule) r[5])).toList();
    }

    private Map<UUID, Map<Instrument, OffsetDateTime>> latestTaken(String planCondition, Map<String, Object> params) {
        var query = em.createQuery("select a.patientId, a.instrument, max(a.takenAt) from Assessment a"
                + " where a.patientId in (select p.patientId from CarePlan p where " + planCondition + ")"
                + " group by a.patientId, a.instrument", Object[].class);
        params.forEach(query::setParameter);
        Map<UUID, Map<Instrument, OffsetDateTime>> latest = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            latest.computeIfAbsent((UUID) row[0], k -> new HashMap<>()).put((Instrument) row[1], (OffsetDateTime) row[2]);
        }
        return latest;
    }
}
