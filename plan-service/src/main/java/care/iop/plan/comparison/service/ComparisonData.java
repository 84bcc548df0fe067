package care.iop.plan.comparison.service;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import care.iop.plan.comparison.domain.EpisodeFacts;
import care.iop.plan.comparison.domain.ReportingWindow;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.service.PlanMapper;
import care.iop.platform.time.ProgramTime;

/**
 * Reads the facts of the episodes of care admitted in a window (and on a track) from plan-service's own tables: the
 * episodes with the patient's track and the level of care at admission, the scores of the instrument, the plans that
 * were in force with their dated modality schedules (the plan events' schedule, {@link PlanMapper#state}) and the
 * attendance read model. Five queries plus one per plan for its switches, whatever the number of episodes.
 */
@ApplicationScoped
public class ComparisonData {
    private static final String COHORT = """
            from episode_of_care e left join known_patient k on k.patient_id = e.patient_id
            where true""";

    @Inject
    EntityManager em;

    @Inject
    ProgramTime time;

    @Inject
    PlanMapper plans;

    @Inject
    ComparisonConfig config;

    /** The facts of every episode admitted in {@code window} (on {@code track} when given). */
    public List<EpisodeFacts> load(ReportingWindow window, String track, Instrument instrument) {
        Map<UUID, Episode> episodes = episodes(window, track);
        if (episodes.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<EpisodeFacts.Score>> scores = scores(window, track, instrument);
        Map<UUID, List<EpisodeFacts.Session>> sessions = sessions(window, track);
        Map<UUID, List<EpisodeFacts.PlanPeriod>> periods = plans(window, track);
        List<EpisodeFacts> facts = new ArrayList<>();
        int before = config.baseline().daysBefore();
        for (Episode e : episodes.values()) {
            LocalDate first = e.admittedOn.minusDays(before);
            List<EpisodeFacts.Score> own = scores.getOrDefault(e.patientId, List.of()).stream()
                    .filter(s -> !s.day().isBefore(first) && (e.dischargedOn == null || !s.day().isAfter(e.dischargedOn))).toList();
            List<EpisodeFacts.Session> attended = sessions.getOrDefault(e.patientId, List.of()).stream()
                    .filter(s -> !s.day().isBefore(e.admittedOn) && (e.dischargedOn == null || !s.day().isAfter(e.dischargedOn))).toList();
            facts.add(new EpisodeFacts(e.id, e.patientId, e.admittedOn, e.dischargedOn, e.dischargeReason, e.track, e.levelOfCare,
                    e.birthDate, own, periods.getOrDefault(e.id, List.of()), attended));
        }
        return facts;
    }

    private record Episode(UUID id, UUID patientId, LocalDate admittedOn, LocalDate dischargedOn, String dischargeReason, String track,
                           String levelOfCare, LocalDate birthDate) {
    }

    private Map<UUID, Episode> episodes(ReportingWindow window, String track) {
        List<Object[]> rows = list(window, track, """
                select e.id, e.patient_id, e.admitted_on, e.discharged_on, e.discharge_reason_code, coalesce(k.track, 'UNKNOWN'),
                       coalesce((select t.from_level from level_of_care_transition t where t.episode_id = e.id
                                 order by t.effective_on, t.recorded_at limit 1), e.level_of_care),
                       k.birth_date
                """ + COHORT, " order by e.admitted_on, e.id");
        Map<UUID, Episode> episodes = new LinkedHashMap<>();
        for (Object[] r : rows) {
            episodes.put((UUID) r[0], new Episode((UUID) r[0], (UUID) r[1], date(r[2]), date(r[3]), (String) r[4], (String) r[5],
                    (String) r[6], date(r[7])));
        }
        return episodes;
    }

    private Map<UUID, List<EpisodeFacts.Score>> scores(ReportingWindow window, String track, Instrument instrument) {
        Query query = query(window, track, """
                select a.id, a.patient_id, a.total, a.taken_at from assessment a
                where a.instrument = :instrument and a.patient_id in (select e.patient_id\s""" + COHORT, ") order by a.patient_id");
        query.setParameter("instrument", instrument.name());
        Map<UUID, List<EpisodeFacts.Score>> scores = new HashMap<>();
        for (Object r : query.getResultList()) {
            Object[] row = (Object[]) r;
            OffsetDateTime takenAt = timestamp(row[3]);
            scores.computeIfAbsent((UUID) row[1], id -> new ArrayList<>())
                    .add(new EpisodeFacts.Score((UUID) row[0], ((Number) row[2]).intValue(), time.dayOf(takenAt), takenAt));
        }
        return scores;
    }

    private Map<UUID, List<EpisodeFacts.Session>> sessions(ReportingWindow window, String track) {
        List<Object[]> rows = list(window, track, """
                select s.patient_id, s.modality, s.status, s.minutes, s.session_start, s.session_end from attended_session s
                where s.patient_id in (select e.patient_id\s""" + COHORT, ")");
        Map<UUID, List<EpisodeFacts.Session>> sessions = new HashMap<>();
        for (Object[] r : rows) {
            OffsetDateTime start = timestamp(r[4]);
            int scheduled = (int) Duration.between(start, timestamp(r[5])).toMinutes();
            sessions.computeIfAbsent((UUID) r[0], id -> new ArrayList<>()).add(new EpisodeFacts.Session((String) r[1], (String) r[2],
                    ((Number) r[3]).intValue(), scheduled, time.dayOf(start)));
        }
        return sessions;
    }

    /** The plans that were in force (active, on hold, completed, or revoked after being active), per episode. */
    private Map<UUID, List<EpisodeFacts.PlanPeriod>> plans(ReportingWindow window, String track) {
        List<UUID> ids = new ArrayList<>();
        for (Object id : query(window, track, """
                select p.id from care_plan p
                where (p.status in ('active', 'on-hold', 'completed')
                       or p.status = 'revoked' and exists (select 1 from plan_status_transition t
                                                           where t.plan_id = p.id and t.to_status = 'active'))
                  and p.episode_id in (select e.id\s""" + COHORT, ")").getResultList()) {
            ids.add((UUID) id);
        }
        Map<UUID, List<EpisodeFacts.PlanPeriod>> periods = new HashMap<>();
        if (ids.isEmpty()) {
            return periods;
        }
        List<CarePlan> found = em.createQuery("from CarePlan p where p.id in :ids", CarePlan.class).setParameter("ids", ids).getResultList();
        for (CarePlan plan : found) {
            periods.computeIfAbsent(plan.episodeId, id -> new ArrayList<>()).add(new EpisodeFacts.PlanPeriod(plan.startDate, plan.endDate,
                    plans.state(plan, false).modalitySchedule(), plan.modality()));
        }
        return periods;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> list(ReportingWindow window, String track, String select, String tail) {
        return query(window, track, select, tail).getResultList();
    }

    /** {@code select} (ending in the cohort's where clause) with the window and track conditions, then {@code tail}. */
    private Query query(ReportingWindow window, String track, String select, String tail) {
        StringBuilder sql = new StringBuilder(select);
        if (window.from() != null) {
            sql.append(" and e.admitted_on >= :from");
        }
        if (window.to() != null) {
            sql.append(" and e.admitted_on <= :to");
        }
        if (track != null) {
            sql.append(" and k.track = :track");
        }
        Query query = em.createNativeQuery(sql.append(tail).toString());
        if (window.from() != null) {
            query.setParameter("from", Date.valueOf(window.from()));
        }
        if (window.to() != null) {
            query.setParameter("to", Date.valueOf(window.to()));
        }
        if (track != null) {
            query.setParameter("track", track);
        }
        return query;
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        return ((Date) value).toLocalDate();
    }

    private static OffsetDateTime timestamp(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
