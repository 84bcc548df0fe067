package care.iop.plan.outcomes.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;

import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.outcomes.stats.Statistics;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.problem.ProblemException;

/**
 * Groups patients by the modality mix they attended and compares their outcomes on one instrument.
 * A patient counts when, inside the window, it has at least two scores of the instrument (baseline =
 * first, latest = last) and attended minutes; with a track, only patients on that track.
 */
@ApplicationScoped
public class ModalityComparisonService {
    public static final String RESOURCE = "ModalityComparison";
    static final List<String> ATTENDED = List.of("ATTENDED", "LATE", "LEFT_EARLY");

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    OutcomesConfig config;

    /** One patient's figures. */
    record PatientOutcome(UUID patientId, int baseline, int latest, long groupMinutes, long attendedMinutes,
                          long attendedSessions, long expectedSessions, double weeksInProgram) {
    }

    /** The comparison for the caller, audited under the caller's token. */
    @Transactional
    public ModalityComparison compare(@NotNull Instrument instrument, LocalDate from, LocalDate to, String track) {
        ModalityComparison comparison = compute(instrument, from, to, track);
        // an aggregate: one row, naming no patient
        audit.success(AuditAction.SEARCH, RESOURCE, instrument.name(), (UUID) null);
        return comparison;
    }

    /** The comparison shown through a signed chart link, audited under the link's maker. */
    @Transactional
    public ModalityComparison compareThroughLink(@NotNull Instrument instrument, LocalDate from, LocalDate to, String track,
                                                 String linkIssuer) {
        ModalityComparison comparison = compute(instrument, from, to, track);
        audit.successThroughLink(linkIssuer, AuditAction.SEARCH, RESOURCE, instrument.name());
        return comparison;
    }

    /** 400 naming {@code track}, {@code to} when the parameters cannot make a comparison. */
    public DateWindow checkParameters(LocalDate from, LocalDate to, String track) {
        if (track != null && !track.matches("[A-Z0-9_-]{1,40}")) {
            throw ProblemException.invalidField("track", "must be a track code such as ADULT_MH, ADULT_SUD or ADOLESCENT");
        }
        return DateWindow.of(from, to, config.timeZone());
    }

    private ModalityComparison compute(Instrument instrument, LocalDate from, LocalDate to, String track) {
        DateWindow window = checkParameters(from, to, track);
        Map<UUID, int[]> scores = baselineAndLatest(instrument, window, track);
        Map<ModalityBucket, List<PatientOutcome>> byBucket = new EnumMap<>(ModalityBucket.class);
        for (ModalityBucket bucket : ModalityBucket.values()) {
            byBucket.put(bucket, new ArrayList<>());
        }
        for (PatientOutcome outcome : attendance(scores, instrument, window, track)) {
            byBucket.get(ModalityBucket.of(outcome.groupMinutes(), outcome.attendedMinutes())).add(outcome);
        }
        List<ModalityComparison.BucketOutcome> buckets = new ArrayList<>();
        byBucket.forEach((bucket, patients) -> buckets.add(summarize(bucket, patients, instrument)));
        return new ModalityComparison(instrument, from, to, track, config.minBucketSize(), buckets);
    }

    private ModalityComparison.BucketOutcome summarize(ModalityBucket bucket, List<PatientOutcome> patients, Instrument instrument) {
        int n = patients.size();
        if (n < Math.max(1, config.minBucketSize())) {
            return ModalityComparison.BucketOutcome.suppressed(bucket);
        }
        List<Integer> changes = patients.stream().map(p -> p.latest() - p.baseline()).toList();
        Statistics.Interval ci = Statistics.meanConfidence95(changes);
        long responders = patients.stream().filter(p -> p.baseline() > 0 && 2 * p.latest() <= p.baseline()).count();
        Double remission = instrument.definesRemission()
                ? round((double) patients.stream().filter(p -> p.latest() < Instrument.REMISSION_BELOW).count() / n, 3)
                : null;
        long attended = patients.stream().mapToLong(PatientOutcome::attendedSessions).sum();
        long expected = patients.stream().mapToLong(PatientOutcome::expectedSessions).sum();
        return new ModalityComparison.BucketOutcome(bucket, false, n,
                round(Statistics.mean(patients.stream().map(PatientOutcome::baseline).toList()), 2),
                round(Statistics.mean(patients.stream().map(PatientOutcome::latest).toList()), 2),
                round(Statistics.mean(changes), 2),
                ci == null ? null : round(ci.lower(), 2), ci == null ? null : round(ci.upper(), 2),
                round((double) responders / n, 3), remission,
                expected == 0 ? null : round((double) attended / expected, 3),
                round(Statistics.median(patients.stream().map(PatientOutcome::weeksInProgram).toList()), 1));
    }

    /** Per patient with at least two scores in the window: {baseline, latest}. */
    @SuppressWarnings("unchecked")
    private Map<UUID, int[]> baselineAndLatest(Instrument instrument, DateWindow window, String track) {
        List<Object[]> rows = em.createNativeQuery("""
                        select a.patient_id, a.total from assessment a
                        where a.instrument = ?1
                          and (cast(?2 as timestamptz) is null or a.taken_at >= ?2)
                          and (cast(?3 as timestamptz) is null or a.taken_at < ?3)
                          and (cast(?4 as text) is null or exists (select 1 from known_patient k
                                                                   where k.patient_id = a.patient_id and k.track = ?4))
                        order by a.patient_id, a.taken_at, a.recorded_at, a.id""")
                .setParameter(1, instrument.name())
                .setParameter(2, timestamp(window.start()))
                .setParameter(3, timestamp(window.endExclusive()))
                .setParameter(4, track)
                .getResultList();
        Map<UUID, List<Integer>> series = new LinkedHashMap<>();
        for (Object[] row : rows) {
            series.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(((Number) row[1]).intValue());
        }
        Map<UUID, int[]> result = new HashMap<>();
        series.forEach((patient, totals) -> {
            if (totals.size() >= 2) {
                result.put(patient, new int[] { totals.get(0), totals.get(totals.size() - 1) });
            }
        });
        return result;
    }

    /** Attendance inside the window of the patients that have scores; patients without attended minutes drop out. */
    @SuppressWarnings("unchecked")
    private List<PatientOutcome> attendance(Map<UUID, int[]> scores, Instrument instrument, DateWindow window, String track) {
        if (scores.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select s.patient_id,
                               coalesce(sum(s.minutes) filter (where s.status in ('ATTENDED', 'LATE', 'LEFT_EARLY')), 0),
                               coalesce(sum(s.minutes) filter (where s.status in ('ATTENDED', 'LATE', 'LEFT_EARLY') and s.modality = 'GROUP'), 0),
                               count(*) filter (where s.status in ('ATTENDED', 'LATE', 'LEFT_EARLY')),
                               count(*) filter (where s.status <> 'EXCUSED'),
                               min(s.session_start) filter (where s.status in ('ATTENDED', 'LATE', 'LEFT_EARLY')),
                               max(s.session_start) filter (where s.status in ('ATTENDED', 'LATE', 'LEFT_EARLY'))
                        from attended_session s
                        where s.patient_id in (select a.patient_id from assessment a where a.instrument = ?1)
                          and (cast(?2 as timestamptz) is null or s.session_start >= ?2)
                          and (cast(?3 as timestamptz) is null or s.session_start < ?3)
                        group by s.patient_id""")
                .setParameter(1, instrument.name())
                .setParameter(2, timestamp(window.start()))
                .setParameter(3, timestamp(window.endExclusive()))
                .getResultList();
        List<PatientOutcome> outcomes = new ArrayList<>();
        for (Object[] row : rows) {
            UUID patient = (UUID) row[0];
            int[] score = scores.get(patient);
            long attendedMinutes = ((Number) row[1]).longValue();
            if (score == null || attendedMinutes <= 0) {
                continue;
            }
            Instant first = instant(row[5]);
            Instant last = instant(row[6]);
            double weeks = Duration.between(first, last).toMinutes() / (60.0 * 24 * 7);
            outcomes.add(new PatientOutcome(patient, score[0], score[1], ((Number) row[2]).longValue(), attendedMinutes,
                    ((Number) row[3]).longValue(), ((Number) row[4]).longValue(), weeks));
        }
        return outcomes;
    }

    private static Timestamp timestamp(OffsetDateTime time) {
        return time == null ? null : Timestamp.from(time.toInstant());
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    private static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
