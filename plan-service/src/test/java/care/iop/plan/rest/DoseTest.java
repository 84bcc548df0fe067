package care.iop.plan.rest;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.activate;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.post;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.plan.support.ReadModelProbe.count;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.BookingState;
import care.iop.events.EventTypes;
import care.iop.events.SessionState;
import care.iop.events.Topics;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ReadModelProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DoseTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    private static OffsetDateTime at(int month, int day) {
        return OffsetDateTime.of(2026, month, day, 14, 0, 0, 0, ZoneOffset.UTC);
    }

    private UUID attend(UUID patient, String type, OffsetDateTime start, int minutes, String status, int attended) {
        UUID session = UUID.randomUUID();
        fixtures.events().attendance(EventFixtures.attendance(session, type, start, minutes).attendee(patient, status, attended)
                .attendee(UUID.randomUUID(), "ATTENDED", minutes).build());
        ReadModelProbe.awaitAttendance(ds, session, 2);
        return session;
    }

    @Test
    void doseRowsComeFromRealAttendanceEvents() {
        UUID[] ids = fixtures.patientAndClinician();
        UUID patient = ids[0];
        String plan = fixtures.createPlan(patient, ids[1], modality(1, 50, 8.5, 0));
        activate(plan).statusCode(200);
        post("clinician", PLANS + "/" + plan + "/modality-changes", "{\"modality\":" + modality(3, 60, 6, 0)
                + ",\"reason\":\"more individual work\",\"effectiveFrom\":\"2026-12-07\"}").statusCode(201);

        attend(patient, "GROUP", at(11, 30), 180, "ATTENDED", 180);
        attend(patient, "INDIVIDUAL", at(11, 30).plusHours(4), 50, "ATTENDED", 50);
        attend(patient, "GROUP", at(12, 2), 180, "ATTENDED", 180);
        UUID thursday = attend(patient, "GROUP", at(12, 3), 180, "LEFT_EARLY", 120);
        attend(patient, "GROUP", at(12, 4), 180, "NO_SHOW", 0);
        // Before the plan starts: not counted.
        attend(patient, "GROUP", at(11, 27), 180, "ATTENDED", 180);

        get("clinician", PLANS + "/" + plan + "/dose?from=2026-11-30&to=2026-12-13").statusCode(200)
                .body("", hasSize(2))
                .body("[0].week", equalTo("2026-W49"))
                .body("[0].weekStart", equalTo("2026-11-30"))
                .body("[0].weekEnd", equalTo("2026-12-06"))
                .body("[0].planned.individual", equalTo(0.83f))
                .body("[0].planned.group", equalTo(8.5f))
                .body("[0].planned.total", equalTo(9.33f))
                .body("[0].scheduled.group", equalTo(12.0f))
                .body("[0].scheduled.total", equalTo(12.83f))
                .body("[0].attended.individual", equalTo(0.83f))
                .body("[0].attended.group", equalTo(8.0f))
                .body("[0].attended.total", equalTo(8.83f))
                .body("[0].minimumHours", equalTo(9.0f))
                .body("[0].meetsMinimum", equalTo(false))
                .body("[0].daysWithThreeHours", equalTo(2))
                .body("[0].meetsH0015Pattern", equalTo(false))
                .body("[1].week", equalTo("2026-W50"))
                .body("[1].planned.individual", equalTo(3.0f))
                .body("[1].planned.group", equalTo(6.0f))
                .body("[1].attended.total", equalTo(0.0f));
        get("scheduler", PLANS + "/dose-alerts?week=2026-W49").statusCode(200).body("planId", hasItem(plan));

        // session-service corrects Thursday's attendance: the new event replaces the old rows.
        fixtures.events().attendance(EventFixtures.attendance(thursday, "GROUP", at(12, 3), 180).attendee(patient, "ATTENDED", 180).build());
        await().atMost(EVENT_TIMEOUT).until(() -> count(ds, "select count(*) from attended_session where session_id = ?", thursday) == 1);

        get("clinician", PLANS + "/" + plan + "/dose?from=2026-11-30&to=2026-12-06").statusCode(200)
                .body("", hasSize(1))
                .body("[0].attended.group", equalTo(9.0f))
                .body("[0].attended.total", equalTo(9.83f))
                .body("[0].meetsMinimum", equalTo(true))
                .body("[0].daysWithThreeHours", equalTo(3))
                .body("[0].meetsH0015Pattern", equalTo(true));
        get("integration", PLANS + "/dose-alerts?week=2026-W49").statusCode(200).body("planId", not(hasItem(plan)));
    }

    private void booking(String type, UUID session, UUID patient, String sessionType, OffsetDateTime start, int minutes, String status) {
        fixtures.events().publish(Topics.SESSIONS, session.toString(), type,
                new BookingState(session, patient, sessionType, start, start.plusMinutes(minutes), status, null, false, null));
    }

    @Test
    void scheduledHoursCountBookingsBeforeTheyAreHeld() {
        UUID[] ids = fixtures.patientAndClinician();
        UUID patient = ids[0];
        String plan = fixtures.createPlan(patient, ids[1], modality(1, 50, 8.5, 0));
        activate(plan).statusCode(200);
        UUID monday = UUID.randomUUID();
        UUID wednesday = UUID.randomUUID();
        UUID waitlisted = UUID.randomUUID();
        booking(EventTypes.BOOKING_CONFIRMED, monday, patient, "GROUP", at(11, 30), 180, "BOOKED");
        booking(EventTypes.BOOKING_CONFIRMED, wednesday, patient, "INDIVIDUAL", at(12, 2), 50, "BOOKED");
        booking(EventTypes.BOOKING_WAITLISTED, waitlisted, patient, "GROUP", at(12, 3), 180, "WAITLISTED");
        await().atMost(EVENT_TIMEOUT).until(() -> count(ds, "select count(*) from booked_session where patient_id = ?", patient) == 3);

        get("clinician", PLANS + "/" + plan + "/dose?from=2026-11-30&to=2026-12-06").statusCode(200)
                .body("[0].scheduled.group", equalTo(3.0f)).body("[0].scheduled.individual", equalTo(0.83f))
                .body("[0].attended.total", equalTo(0.0f));

        // held and recorded: counted once; the waitlisted one promoted; Wednesday's moved into the next week, then cancelled
        fixtures.events().attendance(EventFixtures.attendance(monday, "GROUP", at(11, 30), 180).attendee(patient, "ATTENDED", 180).build());
        booking(EventTypes.BOOKING_PROMOTED, waitlisted, patient, "GROUP", at(12, 3), 180, "BOOKED");
        fixtures.events().publish(Topics.SESSIONS, wednesday.toString(), EventTypes.SESSION_RESCHEDULED,
                new SessionState(wednesday, null, "INDIVIDUAL", ids[1], at(12, 9), at(12, 9).plusMinutes(50), "booked", null, 2));
        ReadModelProbe.awaitAttendance(ds, monday, 1);
        await().atMost(EVENT_TIMEOUT).until(() -> count(ds, "select count(*) from booked_session where session_id = ? and session_start = ?",
                wednesday, at(12, 9)) == 1 && count(ds, "select count(*) from booked_session where session_id = ? and status = 'BOOKED'", waitlisted) == 1);
        get("clinician", PLANS + "/" + plan + "/dose?from=2026-11-30&to=2026-12-13").statusCode(200)
                .body("[0].scheduled.group", equalTo(6.0f)).body("[0].scheduled.individual", equalTo(0.0f))
                .body("[0].attended.group", equalTo(3.0f))
                .body("[1].scheduled.individual", equalTo(0.83f));

        booking(EventTypes.BOOKING_CANCELLED, wednesday, patient, "INDIVIDUAL", at(12, 9), 50, "CANCELLED");
        await().atMost(EVENT_TIMEOUT).until(() -> count(ds, "select count(*) from booked_session where session_id = ? and status = 'CANCELLED'", wednesday) == 1);
        get("clinician", PLANS + "/" + plan + "/dose?from=2026-12-07&to=2026-12-13").statusCode(200)
                .body("[0].scheduled.total", equalTo(0.0f));
    }

    private String activePlanFrom(LocalDate start) {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = post("clinician", PLANS, PlanFixtures.planBody(ids[0], ids[1], modality(1, 50, 8.5, 0), null)
                .replace(PlanFixtures.START, start.toString())).statusCode(201).extract().path("id");
        activate(plan).statusCode(200);
        return plan;
    }

    @Test
    void aPartWeekAsksForItsShareOfTheMinimum() {
        // starts on a Wednesday: its first week holds 5 plan days, so 9 h x 5/7 = 6.43 h
        String plan = activePlanFrom(LocalDate.parse("2026-12-02"));
        UUID patient = UUID.fromString(get("clinician", PLANS + "/" + plan).extract().path("patientId"));
        attend(patient, "GROUP", at(12, 2), 180, "ATTENDED", 180);
        attend(patient, "GROUP", at(12, 3), 210, "ATTENDED", 210);
        get("clinician", PLANS + "/" + plan + "/dose?from=2026-12-02&to=2026-12-13").statusCode(200)
                .body("[0].week", equalTo("2026-W49")).body("[0].minimumHours", equalTo(6.43f))
                .body("[0].attended.total", equalTo(6.5f)).body("[0].meetsMinimum", equalTo(true))
                .body("[1].week", equalTo("2026-W50")).body("[1].minimumHours", equalTo(9.0f)).body("[1].meetsMinimum", equalTo(false));
    }

    @Test
    void alertsWithoutAWeekLookAtTheLastCompletedWeek() {
        LocalDate lastMonday = PlanFixtures.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        String plan = activePlanFrom(lastMonday.minusWeeks(2));
        String lastWeek = lastMonday.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", lastMonday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        get("scheduler", PLANS + "/dose-alerts").statusCode(200)
                .body("find { it.planId == '" + plan + "' }.dose.week", equalTo(lastWeek))
                .body("find { it.planId == '" + plan + "' }.dose.meetsMinimum", equalTo(false));
    }

    @Test
    void onlyActivePlansRaiseDoseAlerts() {
        UUID[] ids = fixtures.patientAndClinician();
        String draft = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        String active = fixtures.draftPlan();
        activate(active).statusCode(200);
        get("clinician", PLANS + "/dose-alerts?week=2026-W50").statusCode(200)
                .body("planId", hasItem(active)).body("planId", not(hasItem(draft)));
    }

    @Test
    void badDoseParametersAre400() {
        String plan = fixtures.draftPlan();
        get("clinician", PLANS + "/" + plan + "/dose?from=2026-12-10&to=2026-12-01").statusCode(400).body("errors[0].field", equalTo("to"));
        get("clinician", PLANS + "/" + plan + "/dose?from=someday").statusCode(400).body("errors[0].field", equalTo("from"));
        get("clinician", PLANS + "/" + plan + "/dose?from=2026-01-01&to=2029-01-01").statusCode(400);
        get("clinician", PLANS + "/dose-alerts?week=2026-49").statusCode(400).body("errors[0].field", equalTo("week"));
        get("clinician", PLANS + "/dose-alerts?week=2026-W54").statusCode(400).body("errors[0].field", equalTo("week"));
        get("clinician", PLANS + "/" + UUID.randomUUID() + "/dose").statusCode(404);
    }
}
