package care.iop.session.fhir;

import static care.iop.session.Fixtures.book;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.futureMorning;
import static care.iop.session.Fixtures.group;
import static care.iop.session.fhir.FhirFixtures.BASE;
import static care.iop.session.fhir.FhirFixtures.as;
import static care.iop.session.fhir.FhirFixtures.bundle;
import static care.iop.session.fhir.FhirFixtures.expression;
import static care.iop.session.fhir.FhirFixtures.includes;
import static care.iop.session.fhir.FhirFixtures.matchIds;
import static care.iop.session.fhir.FhirFixtures.parse;
import static care.iop.session.fhir.FhirFixtures.patientToken;
import static care.iop.session.fhir.FhirFixtures.staff;
import static care.iop.session.fhir.FhirFixtures.token;
import static care.iop.session.fhir.SessionFhirValidation.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.session.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Appointment read, vread and the searches an EHR calls, with paging, _lastUpdated, _include and the scopes. */
@QuarkusTest
class FhirAppointmentTest {
    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(bootstrap, ds);
    }

    UUID bookingOf(String session, UUID patient) {
        return (UUID) fx.rows("select id from booking where session_id = ? and patient_id = ?", UUID.fromString(session), patient).get(0).get("id");
    }

    static String day(OffsetDateTime time) {
        return time.atZoneSameInstant(Fixtures.ZONE).toLocalDate().toString();
    }

    ExtractableResponse<Response> search(String authorization, String query) {
        return as(authorization).when().get(BASE + "Appointment?" + query).then().extract();
    }

    @Test
    void anAppointmentIsReadWithItsVersionAsETagAndOnlyItsCurrentVersionIsKept() {
        UUID leader = fx.groupLeader();
        String session = createSession(group(leader, futureMorning(), 180, 12));
        UUID patient = fx.eligibleGroupPatient();
        book(session, patient).statusCode(201);
        UUID id = bookingOf(session, patient);

        ExtractableResponse<Response> read = staff("scheduler").when().get(BASE + "Appointment/" + id).then().statusCode(200)
                .contentType(FhirFixtures.FHIR_JSON).extract();
        Appointment appointment = valid(parse(Appointment.class, read));
        assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(appointment.getSlotFirstRep().getReference()).isEqualTo("Slot/" + session);
        assertThat(appointment.getParticipant()).extracting(p -> p.getActor().getReference())
                .containsExactly("Patient/" + patient, "Practitioner/" + leader);
        String version = appointment.getMeta().getVersionId();
        assertThat(read.header("ETag")).isEqualTo("W/\"" + version + "\"");
        assertThat(read.header("Last-Modified")).isNotBlank();

        staff("clinician").when().get(BASE + "Appointment/" + id + "/_history/" + version).then().statusCode(200);
        ExtractableResponse<Response> old = staff("clinician").when().get(BASE + "Appointment/" + id + "/_history/" + (Long.parseLong(version) + 1))
                .then().statusCode(404).contentType(FhirFixtures.FHIR_JSON).extract();
        assertThat(old.asString()).contains("OperationOutcome").contains("only the current version");
        staff("clinician").when().get(BASE + "Appointment/" + UUID.randomUUID()).then().statusCode(404).contentType(FhirFixtures.FHIR_JSON);
        staff("clinician").when().get(BASE + "Appointment/not-one-of-ours").then().statusCode(404);
        // every read of a patient's Appointment is audited
        assertThat(fx.count("select count(*) from audit_event where resource_type = 'Appointment' and resource_id = ? and action = 'READ'"
                + " and patient_id = ?", id.toString(), patient)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void patientAndDateAndPractitionerAndDateAndStatusAndSlotFindTheirSeats() {
        UUID leader = fx.groupLeader();
        OffsetDateTime first = futureMorning();
        OffsetDateTime second = futureMorning();
        String early = createSession(group(leader, first, 60, 1));
        String late = createSession(group(leader, second, 60, 12));
        UUID patient = fx.eligibleGroupPatient();
        UUID other = fx.eligibleGroupPatient();
        String beforeBooking = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).withNano(0).toString();
        book(early, other).statusCode(201);
        book(early, patient).statusCode(201);
        book(late, patient).statusCode(201);
        UUID waiting = bookingOf(early, patient);
        UUID seated = bookingOf(late, patient);
        String auth = token("clinician", "user/Appointment.rs");

        assertThat(matchIds(bundle(search(auth, "patient=Patient/" + patient)))).containsExactly(waiting.toString(), seated.toString());
        assertThat(matchIds(bundle(search(auth, "patient=" + patient + "&date=ge" + day(second) + "&date=le" + day(second)))))
                .containsExactly(seated.toString());
        assertThat(matchIds(bundle(search(auth, "patient=" + patient + "&date=lt" + day(second))))).containsExactly(waiting.toString());
        assertThat(matchIds(bundle(search(auth, "practitioner=Practitioner/" + leader + "&date=" + day(first)))))
                .containsExactlyInAnyOrder(waiting.toString(), bookingOf(early, other).toString());
        Bundle waitlist = bundle(search(auth, "patient=" + patient + "&status=waitlist"));
        assertThat(matchIds(waitlist)).containsExactly(waiting.toString());
        assertThat(((Appointment) waitlist.getEntryFirstRep().getResource()).getStatus()).isEqualTo(Appointment.AppointmentStatus.WAITLIST);
        assertThat(matchIds(bundle(search(auth, "patient=" + patient + "&status=booked,fulfilled")))).containsExactly(seated.toString());
        assertThat(matchIds(bundle(search(auth, "slot=Slot/" + late)))).containsExactly(seated.toString());
        assertThat(matchIds(bundle(search(auth, "_id=" + seated + "," + waiting + "&practitioner=" + leader)))).hasSize(2);

        // _lastUpdated: both seats changed since just before they were booked, none before
        assertThat(matchIds(bundle(search(auth, "patient=" + patient + "&_lastUpdated=ge" + beforeBooking)))).hasSize(2);
        assertThat(matchIds(bundle(search(auth, "patient=" + patient + "&_lastUpdated=lt" + beforeBooking)))).isEmpty();
    }

    @Test
    void searchesArePagedWithLinksThatKeepTheParametersAndIncludeTheSlots() {
        UUID leader = fx.groupLeader();
        List<String> sessions = List.of(createSession(group(leader, futureMorning(), 60, 12)), createSession(group(leader, futureMorning(), 60, 12)),
                createSession(group(leader, futureMorning(), 60, 12)));
        UUID patient = fx.eligibleGroupPatient();
        sessions.forEach(s -> book(s, patient).statusCode(201));
        String auth = token("scheduler", "user/Appointment.rs user/Slot.rs");

        Bundle page = bundle(search(auth, "patient=Patient/" + patient + "&_count=2&_include=Appointment:slot"));
        assertThat(page.getTotal()).isEqualTo(3);
        assertThat(matchIds(page)).containsExactly(bookingOf(sessions.get(0), patient).toString(), bookingOf(sessions.get(1), patient).toString());
        assertThat(includes(page)).extracting(r -> r.getIdElement().getIdPart()).containsExactlyInAnyOrder(sessions.get(0), sessions.get(1));
        assertThat(includes(page)).allSatisfy(r -> assertThat(r).isInstanceOf(Slot.class));
        String next = page.getLink("next").getUrl();
        assertThat(next).contains("patient=Patient/" + patient).contains("_count=2").contains("_offset=2").contains("_include=Appointment:slot");
        assertThat(page.getLink("previous")).isNull();

        Bundle last = bundle(search(auth, next.substring(next.indexOf('?') + 1)));
        assertThat(matchIds(last)).containsExactly(bookingOf(sessions.get(2), patient).toString());
        assertThat(last.getLink("next")).isNull();
        assertThat(last.getLink("previous").getUrl()).contains("_offset=0");

        // without a Slot scope the Slots are left out, the Appointments still found
        assertThat(includes(bundle(search(token("scheduler", "user/Appointment.rs"), "patient=" + patient + "&_include=Appointment:slot"))))
                .isEmpty();
    }

    @Test
    void badSearchParametersAre400NamingTheParameter() {
        String auth = token("clinician", "user/Appointment.rs");
        assertThat(expression(search(auth, "date=tomorrow"))).isEqualTo("date");
        assertThat(expression(search(auth, "colour=blue"))).isEqualTo("colour");
        assertThat(expression(search(auth, "patient=Practitioner/" + UUID.randomUUID()))).isEqualTo("patient");
        assertThat(expression(search(auth, "status=maybe"))).isEqualTo("status");
        assertThat(expression(search(auth, "_include=Appointment:patient"))).isEqualTo("_include");
        assertThat(search(auth, "_count=x").statusCode()).isEqualTo(400);
    }

    @Test
    void scopesAndRolesDecideAndAPatientSeesOnlyItsOwn() {
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, 12));
        UUID patient = fx.eligibleGroupPatient();
        UUID other = fx.eligibleGroupPatient();
        book(session, patient).statusCode(201);
        book(session, other).statusCode(201);
        UUID own = bookingOf(session, patient);
        UUID theirs = bookingOf(session, other);

        // a role the JSON API accepts but no FHIR scope, or a scope for another type or interaction: 403 OperationOutcome
        ExtractableResponse<Response> noScope = as(Fixtures.auth("clinician")).when().get(BASE + "Appointment/" + own).then().statusCode(403)
                .contentType(FhirFixtures.FHIR_JSON).extract();
        assertThat(noScope.asString()).contains("forbidden");
        as(token("clinician", "user/Slot.rs")).when().get(BASE + "Appointment/" + own).then().statusCode(403);
        as(token("clinician", "user/Appointment.s")).when().get(BASE + "Appointment/" + own).then().statusCode(403);
        as(token("clinician", "user/Appointment.r")).when().get(BASE + "Appointment?patient=" + patient).then().statusCode(403);
        // a patient token with patient/ scopes: its own Appointment, not another's (404), and its searches find only its own
        String mine = patientToken(patient, "patient/Appointment.rs patient/Slot.rs");
        valid(parse(Appointment.class, as(mine).when().get(BASE + "Appointment/" + own).then().statusCode(200).extract()));
        as(mine).when().get(BASE + "Appointment/" + theirs).then().statusCode(404).contentType(FhirFixtures.FHIR_JSON);
        assertThat(matchIds(bundle(search(mine, "slot=Slot/" + session)))).containsExactly(own.toString());
        assertThat(matchIds(bundle(search(mine, "patient=" + other)))).isEmpty();
        // a patient does not read rosters or counts: no Slot included, and Slot itself is 403
        assertThat(includes(bundle(search(mine, "_include=Appointment:slot")))).isEmpty();
        as(mine).when().get(BASE + "Slot/" + session).then().statusCode(403).contentType(FhirFixtures.FHIR_JSON);
        // user/ scopes are for staff: a patient's token carrying them has no usable scope
        as(patientToken(patient, "user/*.cruds")).when().get(BASE + "Appointment/" + own).then().statusCode(403);
        as(token("clinician", "user/Appointment.rs")).when().get(BASE + "Appointment").then().statusCode(200);
        // anonymous: 401
        io.restassured.RestAssured.given().when().get(BASE + "Appointment/" + own).then().statusCode(401);
    }
}
