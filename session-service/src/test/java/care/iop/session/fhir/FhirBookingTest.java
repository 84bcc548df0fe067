package care.iop.session.fhir;

import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.futureMorning;
import static care.iop.session.Fixtures.group;
import static care.iop.session.fhir.FhirFixtures.BASE;
import static care.iop.session.fhir.FhirFixtures.FHIR_JSON;
import static care.iop.session.fhir.FhirFixtures.as;
import static care.iop.session.fhir.FhirFixtures.book;
import static care.iop.session.fhir.FhirFixtures.expression;
import static care.iop.session.fhir.FhirFixtures.json;
import static care.iop.session.fhir.FhirFixtures.parse;
import static care.iop.session.fhir.FhirFixtures.patientToken;
import static care.iop.session.fhir.FhirFixtures.seatRequest;
import static care.iop.session.fhir.FhirFixtures.staff;
import static care.iop.session.fhir.FhirFixtures.token;
import static care.iop.session.fhir.SessionFhirValidation.valid;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.session.Fixtures;
import care.iop.session.fhir.rest.SessionFhir;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Booking a group seat through FHIR: every rule of the JSON API, refusals as OperationOutcome, bad input changing nothing. */
@QuarkusTest
class FhirBookingTest {
    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(bootstrap, ds);
    }

    long seats(String session, UUID patient, String status) {
        return fx.count("select count(*) from booking where session_id = ? and patient_id = ? and status = ?", UUID.fromString(session), patient,
                status);
    }

    List<String> events(String session) {
        return new TopicReader(bootstrap).readByKey(Topics.SESSIONS, session).stream().map(r -> header(r, "ce_type")).toList();
    }

    ExtractableResponse<Response> update(String authorization, Appointment appointment, String ifMatch) {
        var request = as(authorization).contentType(FHIR_JSON).body(json(appointment));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put(BASE + "Appointment/" + appointment.getIdElement().getIdPart()).then().extract();
    }

    Appointment read(String id) {
        return valid(parse(Appointment.class, staff("scheduler").when().get(BASE + "Appointment/" + id).then().statusCode(200).extract()));
    }

    @Test
    void aSeatIsBookedThenTheFullGroupWaitlistsAndTheSamePatientAgainIsAConflict() {
        UUID leader = fx.groupLeader();
        String session = createSession(group(leader, futureMorning(), 60, 1));
        UUID first = fx.eligibleGroupPatient();
        UUID second = fx.eligibleGroupPatient();

        ExtractableResponse<Response> created = book("scheduler", seatRequest(session, first));
        assertThat(created.statusCode()).isEqualTo(201);
        Appointment seat = valid(parse(Appointment.class, created));
        assertThat(seat.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(seat.getParticipant()).extracting(p -> p.getActor().getReference()).containsExactly("Patient/" + first, "Practitioner/" + leader);
        assertThat(created.header("Location")).endsWith("/fhir/R4/Appointment/" + seat.getIdElement().getIdPart() + "/_history/"
                + seat.getMeta().getVersionId());
        assertThat(created.header("ETag")).isEqualTo("W/\"" + seat.getMeta().getVersionId() + "\"");
        assertThat(seats(session, first, "BOOKED")).isEqualTo(1);

        // the session's start and leader may be sent: they must be the session's
        Appointment full = seatRequest(session, second);
        full.addParticipant().setActor(new Reference("Practitioner/" + leader));
        full.setStart(parse(org.hl7.fhir.r4.model.Slot.class, staff("scheduler").when().get(BASE + "Slot/" + session).then().statusCode(200)
                .extract()).getStart());
        ExtractableResponse<Response> waiting = book("clinician", full);
        assertThat(waiting.statusCode()).isEqualTo(201);
        Appointment waitlisted = valid(parse(Appointment.class, waiting));
        assertThat(waitlisted.getStatus()).isEqualTo(Appointment.AppointmentStatus.WAITLIST);
        assertThat(((IntegerType) waitlisted.getExtensionByUrl(SessionFhir.WAITLIST_POSITION).getValue()).getValue()).isEqualTo(1);
        assertThat(seats(session, second, "WAITLISTED")).isEqualTo(1);

        // the same patient again: 409 as in the JSON API, nothing more on the roster
        ExtractableResponse<Response> again = book("admin", seatRequest(session, first));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.contentType()).startsWith(FHIR_JSON);
        assertThat(again.asString()).contains("OperationOutcome").contains("already BOOKED");
        assertThat(fx.count("select count(*) from booking where session_id = ?", UUID.fromString(session))).isEqualTo(2);

        // audited and announced by the booking service, as a booking through the JSON API
        assertThat(fx.count("select count(*) from audit_event where action = 'CREATE' and resource_type = 'Booking' and patient_id = ?", first))
                .isEqualTo(1);
        await().atMost(Fixtures.EVENTS).untilAsserted(() -> assertThat(events(session))
                .contains(EventTypes.BOOKING_CONFIRMED, EventTypes.BOOKING_WAITLISTED));
    }

    @Test
    void anUpdateToCancelledCancelsTheSeatHonouringIfMatchAndPromotesTheWaitlist() {
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, 1));
        UUID first = fx.eligibleGroupPatient();
        UUID second = fx.eligibleGroupPatient();
        Appointment seat = parse(Appointment.class, book("scheduler", seatRequest(session, first)));
        Appointment waiting = parse(Appointment.class, book("scheduler", seatRequest(session, second)));
        String version = seat.getMeta().getVersionId();

        Appointment cancel = seat.copy();
        cancel.setStatus(Appointment.AppointmentStatus.CANCELLED).setCancelationReason(new CodeableConcept().setText("Patient unwell"));
        ExtractableResponse<Response> stale = update(token("scheduler", "user/Appointment.u"), cancel, "W/\"" + (Long.parseLong(version) - 1) + "\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(seats(session, first, "BOOKED")).isEqualTo(1);
        // a patient may cancel only its own seat
        assertThat(update(patientToken(second, "patient/Appointment.ru"), cancel, null).statusCode()).isEqualTo(404);
        assertThat(update(token("scheduler", "user/Appointment.rs"), cancel, null).statusCode()).isEqualTo(403);

        ExtractableResponse<Response> cancelled = update(patientToken(first, "patient/Appointment.ru"), cancel, "W/\"" + version + "\"");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        Appointment after = valid(parse(Appointment.class, cancelled));
        assertThat(after.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(after.getCancelationReason().getText()).isEqualTo("Patient unwell");
        assertThat(Long.parseLong(after.getMeta().getVersionId())).isGreaterThan(Long.parseLong(version));
        assertThat(seats(session, first, "CANCELLED")).isEqualTo(1);
        // the head of the waitlist takes the seat: its Appointment says booked, with a new version
        Appointment promoted = read(waiting.getIdElement().getIdPart());
        assertThat(promoted.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(promoted.getMeta().getVersionId()).isNotEqualTo(waiting.getMeta().getVersionId());
        await().atMost(Fixtures.EVENTS).untilAsserted(() -> assertThat(events(session))
                .contains(EventTypes.BOOKING_CANCELLED, EventTypes.BOOKING_PROMOTED));
        assertThat(fx.count("select count(*) from audit_event where action = 'UPDATE' and resource_type = 'Appointment' and patient_id = ?", first))
                .isEqualTo(1);

        // the same Appointment again changes nothing; any other status change is refused
        assertThat(update(token("scheduler", "user/Appointment.u"), cancel, null).statusCode()).isEqualTo(200);
        Appointment rebook = after.copy().setStatus(Appointment.AppointmentStatus.BOOKED);
        ExtractableResponse<Response> refused = update(token("scheduler", "user/Appointment.u"), rebook, null);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(expression(refused)).isEqualTo("Appointment.status");
        assertThat(seats(session, first, "CANCELLED")).isEqualTo(1);
    }

    @Test
    void updatesThatChangeMoreThanTheStatusOrNameAnotherIdAreRefused() {
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, 4));
        UUID patient = fx.eligibleGroupPatient();
        Appointment seat = parse(Appointment.class, book("scheduler", seatRequest(session, patient)));
        String auth = token("clinician", "user/Appointment.u");

        Appointment otherPatient = seat.copy().setStatus(Appointment.AppointmentStatus.CANCELLED);
        otherPatient.getParticipantFirstRep().setActor(new Reference("Patient/" + UUID.randomUUID()));
        assertThat(expression(update(auth, otherPatient, null))).isEqualTo("Appointment.participant");
        Appointment otherSlot = seat.copy().setStatus(Appointment.AppointmentStatus.CANCELLED);
        otherSlot.getSlotFirstRep().setReference("Slot/" + UUID.randomUUID());
        assertThat(expression(update(auth, otherSlot, null))).isEqualTo("Appointment.slot");
        Appointment moved = seat.copy().setStatus(Appointment.AppointmentStatus.CANCELLED);
        moved.setStart(new java.util.Date(seat.getStart().getTime() + 3_600_000));
        assertThat(expression(update(auth, moved, null))).isEqualTo("Appointment.start");
        Appointment wrongId = seat.copy().setStatus(Appointment.AppointmentStatus.CANCELLED);
        ExtractableResponse<Response> mismatch = as(auth).contentType(FHIR_JSON).body(json(wrongId)).when()
                .put(BASE + "Appointment/" + UUID.randomUUID()).then().extract();
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(expression(mismatch)).isEqualTo("Appointment.id");
        Appointment tooLong = seat.copy().setStatus(Appointment.AppointmentStatus.CANCELLED);
        tooLong.setCancelationReason(new CodeableConcept().setText("x".repeat(501)));
        assertThat(expression(update(auth, tooLong, null))).isEqualTo("Appointment.cancelationReason.text");
        assertThat(seats(session, patient, "BOOKED")).isEqualTo(1);
        assertThat(fx.count("select count(*) from outbox where aggregate_id = ? and type = ?", session, EventTypes.BOOKING_CANCELLED)).isZero();
    }

    @Test
    void badAppointmentsAre400Or422NamingTheElementAndStoreNothing() {
        UUID leader = fx.groupLeader();
        String session = createSession(group(leader, futureMorning(), 60, 4));
        UUID patient = fx.eligibleGroupPatient();

        Appointment noPatient = seatRequest(session, patient);
        noPatient.getParticipant().clear();
        noPatient.addParticipant().setActor(new Reference("Practitioner/" + leader));
        assertRefused(book("scheduler", noPatient), 422, "Appointment.participant");
        Appointment noSlot = seatRequest(session, patient);
        noSlot.getSlot().clear();
        assertRefused(book("scheduler", noSlot), 422, "Appointment.slot");
        Appointment notASlot = seatRequest(session, patient);
        notASlot.getSlotFirstRep().setReference("Practitioner/" + leader);
        assertRefused(book("scheduler", notASlot), 422, "Appointment.slot[0]");
        Appointment unknownSlot = seatRequest(UUID.randomUUID().toString(), patient);
        assertRefused(book("scheduler", unknownSlot), 422, "Appointment.slot[0]");
        Appointment otherLeader = seatRequest(session, patient);
        otherLeader.addParticipant().setActor(new Reference("Practitioner/" + UUID.randomUUID()));
        assertRefused(book("scheduler", otherLeader), 422, "Appointment.participant[1].actor");
        Appointment twoPatients = seatRequest(session, patient);
        twoPatients.addParticipant().setActor(new Reference("Patient/" + UUID.randomUUID()));
        assertRefused(book("scheduler", twoPatients), 422, "Appointment.participant[1].actor");
        Appointment otherTime = seatRequest(session, patient);
        otherTime.setStart(new java.util.Date());
        assertRefused(book("scheduler", otherTime), 422, "Appointment.start");
        Appointment fulfilled = seatRequest(session, patient).setStatus(Appointment.AppointmentStatus.FULFILLED);
        assertRefused(book("scheduler", fulfilled), 422, "Appointment.status");
        // not FHIR as the parser reads it: 400 naming the element
        String badType = "{\"resourceType\":\"Appointment\",\"status\":\"booked\",\"minutesDuration\":\"long\","
                + "\"slot\":[{\"reference\":\"Slot/" + session + "\"}],\"participant\":[{\"actor\":{\"reference\":\"Patient/" + patient + "\"},"
                + "\"status\":\"needs-action\"}]}";
        ExtractableResponse<Response> unparseable = as(token("scheduler", FhirFixtures.STAFF_SCOPES)).contentType(FHIR_JSON).body(badType)
                .when().post(BASE + "Appointment").then().extract();
        assertThat(unparseable.statusCode()).isEqualTo(400);
        assertThat(expression(unparseable)).isEqualTo("Appointment.minutesDuration");
        ExtractableResponse<Response> patientBody = as(token("scheduler", FhirFixtures.STAFF_SCOPES)).contentType(FHIR_JSON)
                .body("{\"resourceType\":\"Patient\"}").when().post(BASE + "Appointment").then().extract();
        assertThat(patientBody.statusCode()).isEqualTo(400);
        assertThat(patientBody.asString()).contains("OperationOutcome");

        // nothing stored, nothing announced
        assertThat(fx.count("select count(*) from booking where session_id = ?", UUID.fromString(session))).isZero();
        assertThat(fx.count("select count(*) from outbox where aggregate_id = ? and type like 'booking.%'", session)).isZero();
        assertThat(events(session)).noneMatch(type -> type.startsWith("booking."));
    }

    @Test
    void theBookingRulesOfTheJsonApiHoldWithTheSameStatus() {
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, 4));
        // a patient known from events but without an active plan: not eligible, 422 as POST /participants answers
        UUID planless = fx.patient(UUID.randomUUID(), EventTypes.PATIENT_REGISTERED, "ACTIVE", List.of(Fixtures.groupConsent(null)));
        ExtractableResponse<Response> fhir = book("scheduler", seatRequest(session, planless));
        int json = Fixtures.book(session, planless).extract().statusCode();
        assertThat(fhir.statusCode()).isEqualTo(json).isEqualTo(422);
        assertThat(fhir.asString()).contains("OperationOutcome");
        // a cancelled session takes no bookings: 422 in both
        UUID patient = fx.eligibleGroupPatient();
        Fixtures.post("scheduler", "/api/v1/sessions/" + session + "/cancel", Map.of("reason", "Clinician ill")).statusCode(200);
        assertThat(book("scheduler", seatRequest(session, patient)).statusCode()).isEqualTo(422);
        assertThat(fx.count("select count(*) from booking where session_id = ?", UUID.fromString(session))).isZero();
        // roles and scopes of writes: no create scope, a role that does not book (integration, patient): 403
        assertThat(as(token("scheduler", "user/Appointment.rs")).contentType(FHIR_JSON).body(json(seatRequest(session, patient)))
                .when().post(BASE + "Appointment").then().extract().statusCode()).isEqualTo(403);
        assertThat(as(token("integration", "system/Appointment.cruds")).contentType(FHIR_JSON).body(json(seatRequest(session, patient)))
                .when().post(BASE + "Appointment").then().extract().statusCode()).isEqualTo(403);
        assertThat(as(patientToken(patient, "patient/Appointment.cruds")).contentType(FHIR_JSON).body(json(seatRequest(session, patient)))
                .when().post(BASE + "Appointment").then().extract().statusCode()).isEqualTo(403);
    }

    private static void assertRefused(ExtractableResponse<Response> answer, int status, String expression) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(FHIR_JSON);
        assertThat(expression(answer)).isEqualTo(expression);
    }
}
