package care.iop.session;

import static care.iop.session.Fixtures.book;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.futureMorning;
import static care.iop.session.Fixtures.group;
import static care.iop.session.Fixtures.individual;
import static care.iop.session.Fixtures.post;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.events.ModalityMix;
import care.iop.events.PlanState;
import care.iop.events.Topics;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The eligibility matrix, with every fact delivered as a real participant or plan event. */
@QuarkusTest
class EligibilityTest {
    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(bootstrap, ds);
    }

    private UUID patientWith(String status, List<care.iop.events.PatientState.ConsentSummary> consents, String planStatus, ModalityMix mix) {
        UUID id = fx.patient(UUID.randomUUID(), EventTypes.PATIENT_REGISTERED, status, consents);
        if (planStatus != null) {
            fx.plan(UUID.randomUUID(), id, EventTypes.PLAN_CREATED, planStatus, mix);
        }
        return id;
    }

    @Test
    void groupBookingMatrix() {
        OffsetDateTime start = futureMorning();
        String session = createSession(group(fx.groupLeader(), start, 120, null));
        List<care.iop.events.PatientState.ConsentSummary> consent = List.of(Fixtures.groupConsent(null));

        // a patient no event introduced: not a broken rule but a read model behind (waited for, then 503; ReadYourWritesTest)
        book(session, UUID.randomUUID()).statusCode(503).body("type", equalTo("https://iop.care/problems/read-model-behind"))
                .body("errors[0].field", equalTo("patientId"));
        book(session, patientWith("DISCHARGED", consent, "active", Fixtures.MIXED)).statusCode(422).body("detail", containsString("discharged"));
        book(session, patientWith("ACTIVE", consent, null, null)).statusCode(422).body("detail", containsString("no active treatment plan"));
        book(session, patientWith("ACTIVE", consent, "draft", Fixtures.MIXED)).statusCode(422).body("detail", containsString("no active"));
        book(session, patientWith("ACTIVE", consent, "on-hold", Fixtures.MIXED)).statusCode(422).body("detail", containsString("on hold"));
        book(session, patientWith("ACTIVE", consent, "active", Fixtures.INDIVIDUAL_ONLY)).statusCode(422)
                .body("detail", containsString("no group therapy"));
        book(session, patientWith("ACTIVE", List.of(), "active", Fixtures.MIXED)).statusCode(422)
                .body("detail", containsString("GROUP_PARTICIPATION"));
        book(session, patientWith("ACTIVE", List.of(Fixtures.groupConsent(start.toLocalDate().minusDays(1))), "active", Fixtures.MIXED))
                .statusCode(422).body("detail", containsString("GROUP_PARTICIPATION"));
        assertThat(fx.count("select count(*) from booking where session_id = ?", UUID.fromString(session))).isZero();

        book(session, patientWith("REFERRED", List.of(Fixtures.groupConsent(start.toLocalDate())), "active", Fixtures.MIXED))
                .statusCode(201).body("status", equalTo("BOOKED"));
    }

    @Test
    void individualSessionNeedsIndividualSessionsInThePlan() {
        UUID clinician = fx.clinician(false);
        UUID groupOnly = patientWith("ACTIVE", List.of(), "active", Fixtures.GROUP_ONLY);
        post("scheduler", "/api/v1/sessions", individual("INDIVIDUAL", clinician, groupOnly, futureMorning(), 53)).statusCode(422)
                .body("errors[0].field", equalTo("patientId")).body("detail", containsString("no individual sessions"));
        post("scheduler", "/api/v1/sessions", individual("FAMILY", clinician, groupOnly, futureMorning(), 50)).statusCode(422);
        assertThat(fx.count("select count(*) from therapy_session where patient_id = ?", groupOnly)).isZero();
        UUID mixed = patientWith("ACTIVE", List.of(), "active", Fixtures.MIXED);
        post("scheduler", "/api/v1/sessions", individual("INDIVIDUAL", clinician, mixed, futureMorning(), 53)).statusCode(201)
                .body("patientId", equalTo(mixed.toString())).body("booked", equalTo(1));
    }

    @Test
    void switchToIndividualOnlyCancelsFutureGroupBookingsAndPromotesWaitlists() {
        UUID patient = fx.eligibleGroupPatient();
        UUID plan = UUID.fromString(planOf(patient));
        String fullGroup = createSession(group(fx.groupLeader(), futureMorning(), 60, 1));
        book(fullGroup, patient).statusCode(201).body("status", equalTo("BOOKED"));
        UUID waiting = fx.eligibleGroupPatient();
        book(fullGroup, waiting).statusCode(201).body("status", equalTo("WAITLISTED"));
        String individualSession = createSession(individual("INDIVIDUAL", fx.clinician(false), patient, futureMorning(), 53));

        fx.plan(plan, patient, EventTypes.PLAN_MODALITY_CHANGED, "active", Fixtures.INDIVIDUAL_ONLY);

        assertThat(fx.count("select count(*) from booking where session_id = ? and patient_id = ? and status = 'CANCELLED'",
                UUID.fromString(fullGroup), patient)).isEqualTo(1);
        assertThat(fx.count("select count(*) from booking where session_id = ? and patient_id = ? and status = 'BOOKED'",
                UUID.fromString(fullGroup), waiting)).isEqualTo(1);
        assertThat(fx.count("select count(*) from therapy_session where id = ? and status = 'booked'", UUID.fromString(individualSession)))
                .isEqualTo(1);
        await().atMost(Fixtures.EVENTS).untilAsserted(() -> assertThat(new TopicReader(bootstrap).readByKey(Topics.SESSIONS, fullGroup)
                .stream().map(r -> header(r, "ce_type")).toList()).contains(EventTypes.BOOKING_CANCELLED, EventTypes.BOOKING_PROMOTED));

        // completing the plan cancels every future booking, the individual session with it
        fx.plan(plan, patient, EventTypes.PLAN_STATUS_CHANGED, "completed", Fixtures.INDIVIDUAL_ONLY);
        assertThat(fx.count("select count(*) from booking where patient_id = ? and status <> 'CANCELLED'", patient)).isZero();
        assertThat(fx.count("select count(*) from therapy_session where id = ? and status = 'cancelled'", UUID.fromString(individualSession)))
                .isEqualTo(1);
    }

    @Test
    void aSwitchTakesEffectOnItsDateAndNotBefore() {
        UUID patient = fx.eligibleGroupPatient();
        UUID plan = UUID.fromString(planOf(patient));
        OffsetDateTime beforeStart = futureMorning();
        OffsetDateTime fromStart = futureMorning();
        String before = createSession(group(fx.groupLeader(), beforeStart, 60, null));
        String from = createSession(group(fx.groupLeader(), fromStart, 60, null));
        book(before, patient).statusCode(201).body("status", equalTo("BOOKED"));
        book(from, patient).statusCode(201).body("status", equalTo("BOOKED"));
        LocalDate switchDay = fromStart.atZoneSameInstant(Fixtures.ZONE).toLocalDate();

        fx.plan(plan, patient, EventTypes.PLAN_MODALITY_CHANGED, "active", Fixtures.INDIVIDUAL_ONLY, List.of(
                new PlanState.ModalityPeriod(LocalDate.now(Fixtures.ZONE), Fixtures.MIXED),
                new PlanState.ModalityPeriod(switchDay, Fixtures.INDIVIDUAL_ONLY)));

        assertThat(fx.count("select count(*) from booking where session_id = ? and patient_id = ? and status = 'BOOKED'",
                UUID.fromString(before), patient)).isEqualTo(1);
        assertThat(fx.count("select count(*) from booking where session_id = ? and patient_id = ? and status = 'CANCELLED' and cancel_reason like ?",
                UUID.fromString(from), patient, "%prescribes no group therapy on " + switchDay + "%")).isEqualTo(1);
        String later = createSession(group(fx.groupLeader(), futureMorning(), 60, null));
        book(later, patient).statusCode(422).body("detail", containsString("no group therapy on"));
        assertThat(fx.count("select count(*) from booking where session_id = ?", UUID.fromString(later))).isZero();
    }

    @Test
    void aPlanOnHoldKeepsItsBookingsAndTakesNoNewOnes() {
        UUID patient = fx.eligibleGroupPatient();
        UUID plan = UUID.fromString(planOf(patient));
        String booked = createSession(group(fx.groupLeader(), futureMorning(), 60, null));
        book(booked, patient).statusCode(201).body("status", equalTo("BOOKED"));

        fx.plan(plan, patient, EventTypes.PLAN_STATUS_CHANGED, "on-hold", Fixtures.MIXED);

        assertThat(fx.count("select count(*) from booking where session_id = ? and patient_id = ? and status = 'BOOKED'",
                UUID.fromString(booked), patient)).isEqualTo(1);
        String next = createSession(group(fx.groupLeader(), futureMorning(), 60, null));
        book(next, patient).statusCode(422).body("errors[0].field", equalTo("patientId")).body("detail", containsString("on hold"));
        assertThat(fx.count("select count(*) from booking where session_id = ?", UUID.fromString(next))).isZero();

        fx.plan(plan, patient, EventTypes.PLAN_STATUS_CHANGED, "active", Fixtures.MIXED);
        book(next, patient).statusCode(201).body("status", equalTo("BOOKED"));
    }

    @Test
    void revokedPlanAndDischargeCancelFutureBookings() {
        UUID patient = fx.eligibleGroupPatient();
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, null));
        book(session, patient).statusCode(201);
        fx.plan(UUID.fromString(planOf(patient)), patient, EventTypes.PLAN_STATUS_CHANGED, "revoked", Fixtures.MIXED);
        assertThat(fx.count("select count(*) from booking where patient_id = ? and status = 'CANCELLED' and cancel_reason like 'No longer eligible%'",
                patient)).isEqualTo(1);

        UUID other = fx.eligibleGroupPatient();
        String second = createSession(group(fx.groupLeader(), futureMorning(), 60, null));
        book(second, other).statusCode(201);
        fx.patient(other, EventTypes.PATIENT_DISCHARGED, "DISCHARGED", List.of());
        assertThat(fx.count("select count(*) from booking where patient_id = ? and status = 'CANCELLED'", other)).isEqualTo(1);
    }

    @Test
    void otherKnownTypesAreIgnoredAndUnknownVersionsDeadLettered() {
        String key = UUID.randomUUID().toString();
        fx.send(Topics.PLANS, key, EventTypes.SAFETY_FLAG_RAISED, 
                "{\"flagId\":\"" + UUID.randomUUID() + "\",\"patientId\":\"" + UUID.randomUUID() + "\",\"status\":\"OPEN\"}");
        fx.send(Topics.PLANS, key, "care.iop.plan.created.v9", "{}");
        fx.send(Topics.PARTICIPANTS, key, EventTypes.PATIENT_REGISTERED, UUID.randomUUID().toString(), "{not json");
        // a later event on the same key shows the earlier ones were consumed
        UUID patient = fx.patient(UUID.randomUUID(), EventTypes.PATIENT_REGISTERED, "ACTIVE", List.of());
        fx.plan(UUID.fromString(key), patient, EventTypes.PLAN_CREATED, "active", Fixtures.MIXED);
        await().atMost(Fixtures.EVENTS).untilAsserted(() -> {
            List<String> planDead = new TopicReader(bootstrap).readByKey(Topics.deadLetter(Topics.PLANS), key).stream()
                    .map(r -> header(r, "ce_type")).toList();
            assertThat(planDead).containsExactly("care.iop.plan.created.v9");
            assertThat(new TopicReader(bootstrap).readByKey(Topics.deadLetter(Topics.PARTICIPANTS), key)).hasSize(1);
        });
    }

    @Test
    void redeliveredEventIsAppliedOnce() {
        UUID patient = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String payload = Fixtures.json(new care.iop.events.PatientState(patient, "ACTIVE", "ADULT_MH", "2.1", null, null, List.of(), null, 0));
        fx.send(Topics.PARTICIPANTS, patient.toString(), EventTypes.PATIENT_REGISTERED, eventId, payload);
        fx.send(Topics.PARTICIPANTS, patient.toString(), EventTypes.PATIENT_REGISTERED, eventId, payload);
        fx.patient(patient, EventTypes.PATIENT_UPDATED, "ACTIVE", List.of());
        assertThat(fx.count("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
        // a stale version never overwrites a newer one
        fx.send(Topics.PARTICIPANTS, patient.toString(), EventTypes.PATIENT_DISCHARGED,
                Fixtures.json(new care.iop.events.PatientState(patient, "DISCHARGED", "ADULT_MH", "2.1", null, null, List.of(), LocalDate.now(), 0)));
        UUID marker = UUID.randomUUID();
        fx.send(Topics.PARTICIPANTS, patient.toString(), EventTypes.CLINICIAN_REGISTERED,
                new care.iop.events.ClinicianState(marker, null, "Marker", false, true, 1));
        await().atMost(Fixtures.EVENTS).until(() -> fx.count("select count(*) from known_clinician where clinician_id = ?", marker) == 1);
        assertThat(fx.count("select count(*) from known_patient where patient_id = ? and status = 'ACTIVE'", patient)).isEqualTo(1);
    }

    private String planOf(UUID patient) {
        try (var c = ds.getConnection(); var ps = c.prepareStatement("select plan_id from known_plan where patient_id = ?")) {
            ps.setObject(1, patient);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
