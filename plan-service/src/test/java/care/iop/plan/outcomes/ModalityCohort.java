package care.iop.plan.outcomes;

import static care.iop.plan.outcomes.OutcomeFixtures.answersWithTotal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import care.iop.events.AttendanceRecorded;
import care.iop.events.PatientState;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.ReadModelProbe;

/**
 * A cohort on a track of its own (so other tests' data never mixes in), seeded through real events
 * (patients on iop.participants, attendance on iop.sessions) and PHQ-9 scores through the API, once per
 * test JVM ({@link #shared}: the tests only read it). Window 2026-01-01 to 2026-03-31. The design below is
 * seeded {@value #COPIES} times (fresh patients and sessions each time), so that the two main buckets have
 * 15 patients, over the small-cell limit of 11, and MIXED has 6, under it. Expected figures are worked out
 * in {@link ModalityComparisonTest}.
 * <pre>
 * MOSTLY_GROUP      P1..P5  PHQ-9 20→10, 16→8, 12→6, 10→6, 6→4     changes -10 -8 -6 -4 -2
 * MOSTLY_INDIVIDUAL Q1..Q5  PHQ-9 15→15, 10→12, 8→4, 20→14, 5→3    changes 0 +2 -4 -6 -2
 * MIXED             M1, M2  (exactly 2/3 and exactly 1/3 group)   suppressed
 * excluded          X1 (one score only), X2 (no attended minutes)
 * </pre>
 */
final class ModalityCohort {
    static final String FROM = "2026-01-01";
    static final String TO = "2026-03-31";
    static final int COPIES = 3;

    private static ModalityCohort shared;

    final String track = "COHORT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final List<UUID> group = new ArrayList<>();
    final List<UUID> individual = new ArrayList<>();
    final List<UUID> mixed = new ArrayList<>();
    final List<UUID> excluded = new ArrayList<>();

    private final EventFixtures events;
    private final DataSource ds;

    private ModalityCohort(String bootstrap, DataSource ds) {
        this.events = EventFixtures.on(bootstrap);
        this.ds = ds;
    }

    /** The cohort, seeded on first use. */
    static synchronized ModalityCohort shared(String bootstrap, DataSource ds) {
        if (shared == null) {
            ModalityCohort cohort = new ModalityCohort(bootstrap, ds);
            for (int copy = 0; copy < COPIES; copy++) {
                cohort.new Copy().seed();
            }
            shared = cohort;
        }
        return shared;
    }

    /** One copy of the design: 13 patients with their sessions and scores. */
    private final class Copy {
        final List<UUID> group = new ArrayList<>();
        final List<UUID> individual = new ArrayList<>();
        final List<UUID> mixed = new ArrayList<>();
        UUID x1;
        UUID x2;

        void seed() {
            seedPatients();
            seedAttendance();
            seedScores();
            ModalityCohort.this.group.addAll(group);
            ModalityCohort.this.individual.addAll(individual);
            ModalityCohort.this.mixed.addAll(mixed);
            excluded.add(x1);
            excluded.add(x2);
        }

        private void seedPatients() {
            List<PatientState> all = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                group.add(UUID.randomUUID());
                individual.add(UUID.randomUUID());
            }
            mixed.add(UUID.randomUUID());
            mixed.add(UUID.randomUUID());
            x1 = UUID.randomUUID();
            x2 = UUID.randomUUID();
            List<UUID> ids = new ArrayList<>(group);
            ids.addAll(individual);
            ids.addAll(mixed);
            ids.add(x1);
            ids.add(x2);
            ids.forEach(id -> all.add(EventFixtures.patient(id).track(track).build()));
            all.forEach(events::patientRegistered);
            all.forEach(p -> ReadModelProbe.awaitPatient(ds, p.patientId(), p.version()));
        }

        private void seedAttendance() {
            UUID p1 = group.get(0);
            UUID p5 = group.get(4);
            // Group sessions of the MOSTLY_GROUP patients: S1 Jan 5, S2 Jan 26, S3 Feb 23 (7 weeks after S1).
            var s1 = EventFixtures.attendance(UUID.randomUUID(), "GROUP", at("2026-01-05T14:00:00Z"), 180);
            group.forEach(p -> s1.attendee(p, "ATTENDED", 180));
            s1.attendee(x1, "ATTENDED", 180);
            var s2 = EventFixtures.attendance(UUID.randomUUID(), "GROUP", at("2026-01-26T14:00:00Z"), 180);
            group.subList(0, 4).forEach(p -> s2.attendee(p, "ATTENDED", 180));
            s2.attendee(p5, "NO_SHOW", 0);
            s2.attendee(x2, "NO_SHOW", 0);
            var s3 = EventFixtures.attendance(UUID.randomUUID(), "GROUP", at("2026-02-23T14:00:00Z"), 180);
            group.subList(0, 4).forEach(p -> s3.attendee(p, "ATTENDED", 180));
            s3.attendee(p5, "EXCUSED", 0);
            List<AttendanceRecorded> sessions = new ArrayList<>(List.of(s1.build(), s2.build(), s3.build()));
            // P1 also had one individual session: 540 group of 600 minutes, still above 2/3.
            sessions.add(single(p1, "INDIVIDUAL", "2026-02-16T15:00:00Z", 60, "ATTENDED", 60));
            // MOSTLY_INDIVIDUAL: two individual sessions each (Jan 6 and Jan 20, 2 weeks apart).
            for (int i = 0; i < 5; i++) {
                UUID q = individual.get(i);
                sessions.add(single(q, "INDIVIDUAL", "2026-01-06T15:00:00Z", 60, "ATTENDED", 60));
                sessions.add(single(q, "INDIVIDUAL", "2026-01-20T15:00:00Z", 60, i == 1 ? "LATE" : "ATTENDED", i == 1 ? 50 : 60));
            }
            // Q1 left a group session after 45 minutes on Jan 27: 45 of 165 minutes group (below 1/3), 3 weeks in the program.
            sessions.add(single(individual.get(0), "GROUP", "2026-01-27T15:00:00Z", 180, "LEFT_EARLY", 45));
            // Q3 missed one individual session.
            sessions.add(single(individual.get(2), "INDIVIDUAL", "2026-01-13T15:00:00Z", 60, "ABSENT", 0));
            // MIXED: M1 120 group + 60 individual (exactly 2/3); M2 60 group + 120 individual (exactly 1/3).
            var gm = EventFixtures.attendance(UUID.randomUUID(), "GROUP", at("2026-01-07T14:00:00Z"), 120);
            gm.attendee(mixed.get(0), "ATTENDED", 120);
            gm.attendee(mixed.get(1), "LEFT_EARLY", 60);
            sessions.add(gm.build());
            sessions.add(single(mixed.get(0), "INDIVIDUAL", "2026-01-08T15:00:00Z", 60, "ATTENDED", 60));
            sessions.add(single(mixed.get(1), "FAMILY", "2026-01-08T15:00:00Z", 120, "ATTENDED", 120));
            // Outside the window: must not count (would make P2 mostly individual).
            sessions.add(single(group.get(1), "INDIVIDUAL", "2026-04-02T15:00:00Z", 600, "ATTENDED", 600));

            sessions.forEach(events::attendance);
            sessions.forEach(s -> ReadModelProbe.awaitAttendance(ds, s.sessionId(), s.attendees().size()));
        }

        private void seedScores() {
            int[][] groupScores = { { 20, 10 }, { 16, 8 }, { 12, 6 }, { 10, 6 }, { 6, 4 } };
            int[][] individualScores = { { 15, 15 }, { 10, 12 }, { 8, 4 }, { 20, 14 }, { 5, 3 } };
            for (int i = 0; i < 5; i++) {
                scores(group.get(i), groupScores[i]);
                scores(individual.get(i), individualScores[i]);
            }
            scores(mixed.get(0), new int[] { 10, 5 });
            scores(mixed.get(1), new int[] { 12, 11 });
            // P1 had a middle score; P2 a score before the window (neither is baseline nor latest).
            OutcomeFixtures.record(group.get(0), Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, 15), at("2026-02-01T10:00:00Z"));
            OutcomeFixtures.record(group.get(1), Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, 24), at("2025-12-20T10:00:00Z"));
            // A GAD-7 score of P3 must not mix into PHQ-9.
            OutcomeFixtures.record(group.get(2), Instrument.GAD7, answersWithTotal(Instrument.GAD7, 21), at("2026-02-24T10:00:00Z"));
            // X1 has one score only; X2 two scores but no attended minutes.
            OutcomeFixtures.record(x1, Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, 20), at("2026-01-05T10:00:00Z"));
            scores(x2, new int[] { 20, 2 });
        }

        /** Baseline on Jan 5 (before the first session), latest on Feb 25, recorded latest first to prove ordering by takenAt. */
        private void scores(UUID patient, int[] baselineAndLatest) {
            OutcomeFixtures.record(patient, Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, baselineAndLatest[1]), at("2026-02-25T10:00:00Z"));
            OutcomeFixtures.record(patient, Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, baselineAndLatest[0]), at("2026-01-05T10:00:00Z"));
        }

        private static AttendanceRecorded single(UUID patient, String type, String start, int minutes, String status, int attended) {
            return EventFixtures.attendance(UUID.randomUUID(), type, at(start), minutes).attendee(patient, status, attended).build();
        }

        private static OffsetDateTime at(String time) {
            return OffsetDateTime.parse(time);
        }
    }
}
