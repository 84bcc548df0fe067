package care.iop.session.fhir;

import static care.iop.session.Fixtures.book;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.group;
import static care.iop.session.Fixtures.startedAnHourAgo;
import static care.iop.session.fhir.FhirFixtures.BASE;
import static care.iop.session.fhir.FhirFixtures.as;
import static care.iop.session.fhir.FhirFixtures.bundle;
import static care.iop.session.fhir.FhirFixtures.includes;
import static care.iop.session.fhir.FhirFixtures.matchIds;
import static care.iop.session.fhir.FhirFixtures.parse;
import static care.iop.session.fhir.FhirFixtures.patientToken;
import static care.iop.session.fhir.FhirFixtures.staff;
import static care.iop.session.fhir.FhirFixtures.token;
import static care.iop.session.fhir.SessionFhirValidation.US_CORE_ENCOUNTER;
import static care.iop.session.fhir.SessionFhirValidation.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.session.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Encounters from attendance (US Core Encounter), and what attendance does to the Appointments. */
@QuarkusTest
class FhirEncounterTest {
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

    static Map<String, Object> attendee(UUID patient, String status, int minutes) {
        return new HashMap<>(Map.of("patientId", patient.toString(), "status", status, "minutesAttended", minutes));
    }

    static void record(String session, List<Map<String, Object>> attendees) {
        given().header("Authorization", Fixtures.auth("clinician")).contentType("application/json")
                .body(Fixtures.json(Map.of("attendees", attendees))).when().put("/api/v1/sessions/" + session + "/attendance").then().statusCode(200);
    }

    Appointment appointment(UUID id) {
        return valid(parse(Appointment.class, staff("clinician").when().get(BASE + "Appointment/" + id).then().statusCode(200).extract()));
    }

    ExtractableResponse<Response> encounters(String query) {
        return as(token("clinician", "user/Encounter.rs user/Appointment.rs")).when().get(BASE + "Encounter?" + query).then().statusCode(200)
                .extract();
    }

    @Test
    void eachPatientWhoAttendedHasAUsCoreEncounterAndTheAppointmentsSayWhoCame() {
        UUID leader = fx.groupLeader();
        String session = createSession(group(leader, startedAnHourAgo(), 180, null));
        UUID present = fx.eligibleGroupPatient();
        UUID late = fx.eligibleGroupPatient();
        UUID absent = fx.eligibleGroupPatient();
        List.of(present, late, absent).forEach(p -> book(session, p).statusCode(201));
        UUID presentSeat = bookingOf(session, present);
        UUID lateSeat = bookingOf(session, late);
        UUID absentSeat = bookingOf(session, absent);
        staff("clinician").when().get(BASE + "Encounter/" + presentSeat).then().statusCode(404);
        assertThat(appointment(presentSeat).getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);

        record(session, List.of(attendee(present, "ATTENDED", 180), attendee(late, "LATE", 150), attendee(absent, "NO_SHOW", 0)));

        ExtractableResponse<Response> read = staff("clinician").when().get(BASE + "Encounter/" + presentSeat).then().statusCode(200).extract();
        Encounter encounter = valid(parse(Encounter.class, read), US_CORE_ENCOUNTER);
        assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(encounter.getClass_().getCode()).isEqualTo("AMB");
        assertThat(encounter.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("90853");
        assertThat(encounter.getSubject().getReference()).isEqualTo("Patient/" + present);
        assertThat(encounter.getAppointmentFirstRep().getReference()).isEqualTo("Appointment/" + presentSeat);
        assertThat(encounter.getParticipantFirstRep().getIndividual().getReference()).isEqualTo("Practitioner/" + leader);
        assertThat(read.header("ETag")).isEqualTo("W/\"" + encounter.getMeta().getVersionId() + "\"");
        staff("clinician").when().get(BASE + "Encounter/" + absentSeat).then().statusCode(404);
        assertThat(appointment(presentSeat).getStatus()).isEqualTo(Appointment.AppointmentStatus.FULFILLED);
        assertThat(appointment(lateSeat).getStatus()).isEqualTo(Appointment.AppointmentStatus.FULFILLED);
        Appointment noShow = appointment(absentSeat);
        assertThat(noShow.getStatus()).isEqualTo(Appointment.AppointmentStatus.NOSHOW);

        String today = LocalDate.now(Fixtures.ZONE).toString();
        assertThat(matchIds(bundle(encounters("patient=Patient/" + present)))).containsExactly(presentSeat.toString());
        assertThat(matchIds(bundle(encounters("subject=" + late)))).containsExactly(lateSeat.toString());
        assertThat(matchIds(bundle(encounters("patient=" + present + "&date=ge" + today)))).containsExactly(presentSeat.toString());
        assertThat(matchIds(bundle(encounters("patient=" + present + "&date=lt" + LocalDate.now(Fixtures.ZONE).minusDays(1))))).isEmpty();
        assertThat(matchIds(bundle(encounters("patient=" + absent)))).isEmpty();
        assertThat(matchIds(bundle(encounters("identifier=urn:ietf:rfc:3986|urn:uuid:" + lateSeat)))).containsExactly(lateSeat.toString());
        assertThat(matchIds(bundle(encounters("patient=" + present + "&status=finished")))).containsExactly(presentSeat.toString());
        assertThat(matchIds(bundle(encounters("patient=" + present + "&status=planned")))).isEmpty();
        assertThat(matchIds(bundle(encounters("_id=" + presentSeat + "," + lateSeat + "," + absentSeat)))).hasSize(2);
        Bundle withAppointment = bundle(encounters("patient=" + present + "&_include=Encounter:appointment"));
        assertThat(includes(withAppointment)).singleElement().satisfies(r -> {
            assertThat(r).isInstanceOf(Appointment.class);
            assertThat(r.getIdElement().getIdPart()).isEqualTo(presentSeat.toString());
        });

        // recording again changes the versions: the patient who now did not show has no Encounter any more
        String before = appointment(presentSeat).getMeta().getVersionId();
        record(session, List.of(attendee(present, "NO_SHOW", 0), attendee(late, "LATE", 150), attendee(absent, "NO_SHOW", 0)));
        staff("clinician").when().get(BASE + "Encounter/" + presentSeat).then().statusCode(404);
        Appointment changed = appointment(presentSeat);
        assertThat(changed.getStatus()).isEqualTo(Appointment.AppointmentStatus.NOSHOW);
        assertThat(changed.getMeta().getVersionId()).isNotEqualTo(before);

        // attendance is for staff and external callers: not for patients
        as(patientToken(late, "patient/*.rs")).when().get(BASE + "Encounter/" + lateSeat).then().statusCode(403);
        as(token("clinician", "user/Appointment.rs")).when().get(BASE + "Encounter/" + lateSeat).then().statusCode(403);
        assertThat(fx.count("select count(*) from audit_event where resource_type = 'Encounter' and patient_id = ? and action in ('READ', 'SEARCH')",
                present)).isGreaterThanOrEqualTo(5);
    }
}
