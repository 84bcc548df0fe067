package care.iop.plan.comparison;

import static care.iop.plan.outcomes.OutcomeFixtures.answersWithTotal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import care.iop.events.AttendanceRecorded;
import care.iop.events.ModalityMix;
import care.iop.events.PatientState;
import care.iop.plan.outcomes.OutcomeFixtures;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.ReadModelProbe;

/**
 * A cohort on a track of its own (so other tests' data never mixes in), seeded once per test JVM ({@link #shared}; the
 * tests only read it): patients, admissions and discharges through real participant events (episodes of care follow),
 * attendance through session events, PHQ-9 scores through the API, and the plans with their dated modality switches as
 * rows (the API refuses plans and switches dated in the past). Everyone is admitted on Monday 2026-01-05 (day 0); scores
 * are taken at 10:00 program time. The window is the first quarter of 2026. Expected figures are worked out in
 * {@link ModalityComparisonTest}.
 * <pre>
 * x3 copies of:
 *  G1..G4  plan: standard IOP week (1 x 50 min individual + 9 h group)        PHQ-9 day 0 -> day 53: 24->4 20->4 16->3 12->1
 *          attended: three 3-hour groups (days 1-3) + one individual (day 4)   discharged day 53, COMPLETED
 *  I1..I4  plan: individual-heavy step (5 x 60 min individual + 4.5 h group)  16->12 14->10 12->10 10->8
 *          attended: two individual sessions (days 1, 3) + one 90-minute group (day 2)     discharged day 53
 *  S1..S4  plan: standard IOP week, switched to individual-heavy from day 21  day 0 / 14 / 28 / 42:
 *          attended: G's sessions of week 1, four individual ones (days 22-25)  20 16 15 9 | 18 16 15 11 | 16 16 14 8 | 22 16 16 12
 *                                                                             discharged day 42
 * once each (11 patients, plan: standard IOP week, nothing attended):
 *  NO_BASELINE   scores on day 8 (one day after the baseline window) and day 53; discharged day 53
 *  LEFT_EARLY    baseline on day -14 (the window's first day); discharged day 14, NON_ATTENDANCE
 *  NO_FOLLOW_UP  baseline day 0, next score day 27 (one day short of 4 weeks); discharged day 27, COMPLETED
 * </pre>
 */
final class ModalityCohort {
    static final String FROM = "2026-01-01";
    static final String TO = "2026-03-31";
    static final LocalDate ADMITTED = LocalDate.of(2026, 1, 5);
    static final int COPIES = 3;
    static final int EXCLUDED_EACH = 11;
    static final ModalityMix STANDARD_IOP = new ModalityMix(1, 50, 9, 0);
    static final ModalityMix INDIVIDUAL_HEAVY = new ModalityMix(5, 60, 4.5, 0);
    static final int[][] G = { { 24, 4 }, { 20, 4 }, { 16, 3 }, { 12, 1 } };
    static final int[][] I = { { 16, 12 }, { 14, 10 }, { 12, 10 }, { 10, 8 } };
    static final int[][] S = { { 20, 16, 15, 9 }, { 18, 16, 15, 11 }, { 16, 16, 14, 8 }, { 22, 16, 16, 12 } };

    private static ModalityCohort shared;

    final String track = "COHORT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final List<UUID> patients = new ArrayList<>();

    private final EventFixtures events;
    private final DataSource ds;
    private final List<PatientState> discharges = new ArrayList<>();
    private final List<AttendanceRecorded> sessions = new ArrayList<>();

    private ModalityCohort(String bootstrap, DataSource ds) {
        this.events = EventFixtures.on(bootstrap);
        this.ds = ds;
    }

    /** The cohort, seeded on first use. */
    static synchronized ModalityCohort shared(String bootstrap, DataSource ds) {
        if (shared == null) {
            ModalityCohort cohort = new ModalityCohort(bootstrap, ds);
            cohort.seed();
            shared = cohort;
        }
        return shared;
    }

    private void seed() {
        List<UUID> g = new ArrayList<>();
        List<UUID> i = new ArrayList<>();
        List<UUID> s = new ArrayList<>();
        List<UUID> noBaseline = register(EXCLUDED_EACH, 53, "COMPLETED");
        List<UUID> leftEarly = register(EXCLUDED_EACH, 14, "NON_ATTENDANCE");
        List<UUID> noFollowUp = register(EXCLUDED_EACH, 27, "COMPLETED");
        List<List<UUID>> copies = new ArrayList<>();
        for (int copy = 0; copy < COPIES; copy++) {
            List<UUID> cg = register(4, 53, "COMPLETED");
            List<UUID> ci = register(4, 53, "COMPLETED");
            List<UUID> cs = register(4, 42, "COMPLETED");
            g.addAll(cg);
            i.addAll(ci);
            s.addAll(cs);
            copies.add(cg);
            copies.add(ci);
            copies.add(cs);
        }
        patients.forEach(p -> ReadModelProbe.awaitPatient(ds, p, 1));
        for (UUID p : patients) {
            if (s.contains(p)) {
                insertPlan(ds, p, STANDARD_IOP, INDIVIDUAL_HEAVY, ADMITTED.plusDays(21));
            } else {
                insertPlan(ds, p, i.contains(p) ? INDIVIDUAL_HEAVY : STANDARD_IOP, null, null);
            }
        }
        for (int copy = 0; copy < COPIES; copy++) {
            attendance(copies.get(3 * copy), copies.get(3 * copy + 1), copies.get(3 * copy + 2));
        }
        sessions.forEach(events::attendance);
        sessions.forEach(a -> ReadModelProbe.awaitAttendance(ds, a.sessionId(), a.attendees().size()));
        for (int k = 0; k < g.size(); k++) {
            score(g.get(k), 0, G[k % 4][0]);
            score(g.get(k), 53, G[k % 4][1]);
            score(i.get(k), 0, I[k % 4][0]);
            score(i.get(k), 53, I[k % 4][1]);
            for (int w = 0; w < 4; w++) {
                score(s.get(k), 14 * w, S[k % 4][w]);
            }
        }
        for (int k = 0; k < EXCLUDED_EACH; k++) {
            score(noBaseline.get(k), 8, 15);
            score(noBaseline.get(k), 53, 10);
            score(leftEarly.get(k), -14, 15);
            score(noFollowUp.get(k), 0, 15);
            score(noFollowUp.get(k), 27, 12);
        }
        discharges.forEach(d -> events.patientEvent(care.iop.events.EventTypes.PATIENT_DISCHARGED, d));
        discharges.forEach(d -> ReadModelProbe.awaitPatient(ds, d.patientId(), d.version()));
    }

    /**
     * One analysed episode on {@code track} (a cohort of its own): admitted on day 0 with the standard IOP week, PHQ-9 20 on
     * day 0 and 8 on day 35, discharged on day 35 (COMPLETED).
     */
    static UUID groupPatient(String bootstrap, DataSource ds, String track) {
        EventFixtures events = EventFixtures.on(bootstrap);
        UUID id = UUID.randomUUID();
        events.patientRegistered(EventFixtures.patient(id).track(track).admittedOn(ADMITTED).build());
        ReadModelProbe.awaitPatient(ds, id, 1);
        insertPlan(ds, id, STANDARD_IOP, null, null);
        score(id, 0, 20);
        score(id, 35, 8);
        events.patientEvent(care.iop.events.EventTypes.PATIENT_DISCHARGED, EventFixtures.patient(id).track(track).admittedOn(ADMITTED)
                .discharged(ADMITTED.plusDays(35), "COMPLETED").version(2).build());
        ReadModelProbe.awaitPatient(ds, id, 2);
        return id;
    }

    /** {@code count} patients on the cohort's track admitted on day 0, to be discharged on {@code day} for {@code reason}. */
    private List<UUID> register(int count, int day, String reason) {
        List<UUID> ids = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            UUID id = UUID.randomUUID();
            EventFixtures.PatientBuilder patient = EventFixtures.patient(id).track(track).admittedOn(ADMITTED)
                    .birthDate(LocalDate.of(1990, 4, 2));
            events.patientRegistered(patient.build());
            discharges.add(EventFixtures.patient(id).track(track).admittedOn(ADMITTED).birthDate(LocalDate.of(1990, 4, 2))
                    .discharged(ADMITTED.plusDays(day), reason).version(2).build());
            ids.add(id);
            patients.add(id);
        }
        return ids;
    }

    /** One copy's week of sessions (see the class comment). */
    private void attendance(List<UUID> g, List<UUID> i, List<UUID> s) {
        List<UUID> groupAttendees = new ArrayList<>(g);
        groupAttendees.addAll(s);
        for (int day = 1; day <= 3; day++) {
            var group = EventFixtures.attendance(UUID.randomUUID(), "GROUP", at(day, 14), 180);
            groupAttendees.forEach(p -> group.attendee(p, "ATTENDED", 180));
            sessions.add(group.build());
        }
        groupAttendees.forEach(p -> sessions.add(single(p, 4, 50)));
        var small = EventFixtures.attendance(UUID.randomUUID(), "GROUP", at(2, 19), 90);
        i.forEach(p -> small.attendee(p, "ATTENDED", 90));
        sessions.add(small.build());
        i.forEach(p -> {
            sessions.add(single(p, 1, 60));
            sessions.add(single(p, 3, 60));
        });
        s.forEach(p -> {
            for (int day = 22; day <= 25; day++) {
                sessions.add(single(p, day, 60));
            }
        });
    }

    private static AttendanceRecorded single(UUID patient, int day, int minutes) {
        return EventFixtures.attendance(UUID.randomUUID(), "INDIVIDUAL", at(day, 20), minutes).attendee(patient, "ATTENDED", minutes).build();
    }

    static void score(UUID patient, int day, int total) {
        OutcomeFixtures.record(patient, Instrument.PHQ9, answersWithTotal(Instrument.PHQ9, total), at(day, 15));
    }

    /** Day {@code day} at {@code hourUtc}:00 UTC (15:00 UTC is 10:00 in New York). */
    private static OffsetDateTime at(int day, int hourUtc) {
        return ADMITTED.plusDays(day).atTime(hourUtc, 0).atOffset(ZoneOffset.UTC);
    }

    /** A completed 12-week plan of the patient's episode from day 0, switching to {@code to} on {@code switchOn} when given. */
    static void insertPlan(DataSource ds, UUID patient, ModalityMix from, ModalityMix to, LocalDate switchOn) {
        ModalityMix latest = to == null ? from : to;
        UUID plan = UUID.randomUUID();
        try (Connection c = ds.getConnection()) {
            UUID episode;
            try (PreparedStatement q = c.prepareStatement("select id from episode_of_care where patient_id = ?")) {
                q.setObject(1, patient);
                var rs = q.executeQuery();
                rs.next();
                episode = (UUID) rs.getObject(1);
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into care_plan (id, patient_id, primary_clinician_id, status, level_of_care, start_date, duration_weeks,
                        end_date, review_interval_days, next_review_due, rationale, individual_sessions_per_week,
                        individual_session_minutes, group_hours_per_week, family_sessions_per_week, modality_effective_from,
                        modality_proposed, created_at, updated_at, version, episode_id)
                    values (?, ?, ?, 'completed', '2.1', ?, 12, ?, 30, ?, 'comparison cohort', ?, ?, ?, 0, ?, false, now(), now(), 0, ?)""")) {
                insert.setObject(1, plan);
                insert.setObject(2, patient);
                insert.setObject(3, UUID.randomUUID());
                insert.setObject(4, ADMITTED);
                insert.setObject(5, ADMITTED.plusWeeks(12));
                insert.setObject(6, ADMITTED.plusDays(30));
                insert.setInt(7, latest.individualSessionsPerWeek());
                insert.setInt(8, latest.individualSessionMinutes());
                insert.setDouble(9, latest.groupHoursPerWeek());
                insert.setObject(10, switchOn == null ? ADMITTED : switchOn);
                insert.setObject(11, episode);
                insert.executeUpdate();
            }
            if (to != null) {
                try (PreparedStatement change = c.prepareStatement("""
                        insert into plan_modality_change (id, plan_id, from_individual_sessions_per_week, from_individual_session_minutes,
                            from_group_hours_per_week, from_family_sessions_per_week, to_individual_sessions_per_week,
                            to_individual_session_minutes, to_group_hours_per_week, to_family_sessions_per_week, effective_from, reason,
                            changed_by, changed_at)
                        values (?, ?, ?, ?, ?, 0, ?, ?, ?, 0, ?, 'uncomfortable in groups', 'test-clinician', now())""")) {
                    change.setObject(1, UUID.randomUUID());
                    change.setObject(2, plan);
                    change.setInt(3, from.individualSessionsPerWeek());
                    change.setInt(4, from.individualSessionMinutes());
                    change.setDouble(5, from.groupHoursPerWeek());
                    change.setInt(6, to.individualSessionsPerWeek());
                    change.setInt(7, to.individualSessionMinutes());
                    change.setDouble(8, to.groupHoursPerWeek());
                    change.setObject(9, switchOn);
                    change.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
