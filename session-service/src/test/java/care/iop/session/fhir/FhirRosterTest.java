package care.iop.session.fhir;

import static care.iop.session.Fixtures.book;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.futureMorning;
import static care.iop.session.Fixtures.group;
import static care.iop.session.Fixtures.groupConsent;
import static care.iop.session.Fixtures.part2Consent;
import static care.iop.session.fhir.FhirFixtures.BASE;
import static care.iop.session.fhir.FhirFixtures.as;
import static care.iop.session.fhir.FhirFixtures.bundle;
import static care.iop.session.fhir.FhirFixtures.expression;
import static care.iop.session.fhir.FhirFixtures.external;
import static care.iop.session.fhir.FhirFixtures.includes;
import static care.iop.session.fhir.FhirFixtures.matchIds;
import static care.iop.session.fhir.FhirFixtures.parse;
import static care.iop.session.fhir.FhirFixtures.patientToken;
import static care.iop.session.fhir.FhirFixtures.staff;
import static care.iop.session.fhir.FhirFixtures.token;
import static care.iop.session.fhir.SessionFhirValidation.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.fhir.Part2Labels;
import care.iop.session.Fixtures;
import care.iop.session.fhir.rest.SessionFhir;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Slot (a group's seats), Schedule (a leader's groups) and Group (a roster), and the Part 2 rule for callers outside the program. */
@QuarkusTest
class FhirRosterTest {
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

    Slot slot(String session) {
        return valid(parse(Slot.class, staff("scheduler").when().get(BASE + "Slot/" + session).then().statusCode(200).extract()));
    }

    static int extension(Slot slot, String url) {
        return ((IntegerType) slot.getExtensionByUrl(url).getValue()).getValue();
    }

    @Test
    void aGroupSessionIsASlotFreeUntilFullInItsLeadersSchedule() {
        UUID leader = fx.groupLeader();
        OffsetDateTime start = futureMorning();
        String session = createSession(group(leader, start, 60, 1));
        Slot free = slot(session);
        assertThat(free.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
        assertThat(extension(free, SessionFhir.SLOT_CAPACITY)).isEqualTo(1);
        assertThat(extension(free, SessionFhir.SLOT_BOOKED)).isZero();
        assertThat(free.getSchedule().getReference()).isEqualTo("Schedule/" + leader);

        book(session, fx.eligibleGroupPatient()).statusCode(201);
        book(session, fx.eligibleGroupPatient()).statusCode(201);
        Slot full = slot(session);
        assertThat(full.getStatus()).isEqualTo(Slot.SlotStatus.BUSY);
        assertThat(extension(full, SessionFhir.SLOT_BOOKED)).isEqualTo(1);
        assertThat(extension(full, SessionFhir.SLOT_WAITLISTED)).isEqualTo(1);
        assertThat(Long.parseLong(full.getMeta().getVersionId())).isGreaterThan(Long.parseLong(free.getMeta().getVersionId()));
        staff("clinician").when().get(BASE + "Slot/" + session + "/_history/" + full.getMeta().getVersionId()).then().statusCode(200);
        staff("clinician").when().get(BASE + "Slot/" + session + "/_history/" + free.getMeta().getVersionId()).then().statusCode(404);

        String other = createSession(group(leader, futureMorning(), 60, 4));
        String auth = token("scheduler", "user/Slot.rs user/Schedule.rs");
        String day = start.atZoneSameInstant(Fixtures.ZONE).toLocalDate().toString();
        assertThat(matchIds(bundle(as(auth).when().get(BASE + "Slot?schedule=Schedule/" + leader).then().statusCode(200).extract())))
                .containsExactly(session, other);
        assertThat(matchIds(bundle(as(auth).when().get(BASE + "Slot?schedule=" + leader + "&status=free").then().extract())))
                .containsExactly(other);
        Bundle onTheDay = bundle(as(auth).when().get(BASE + "Slot?schedule=" + leader + "&start=" + day + "&_include=Slot:schedule").then()
                .extract());
        assertThat(matchIds(onTheDay)).containsExactly(session);
        assertThat(includes(onTheDay)).singleElement().satisfies(s -> assertThat(s.getIdElement().getIdPart()).isEqualTo(leader.toString()));

        Schedule schedule = valid(parse(Schedule.class, as(auth).when().get(BASE + "Schedule/" + leader).then().statusCode(200).extract()));
        assertThat(schedule.getActorFirstRep().getReference()).isEqualTo("Practitioner/" + leader);
        assertThat(matchIds(bundle(as(auth).when().get(BASE + "Schedule?actor=Practitioner/" + leader).then().extract())))
                .containsExactly(leader.toString());
        as(auth).when().get(BASE + "Schedule/" + UUID.randomUUID()).then().statusCode(404);
        // an individual session has no Slot
        String individual = createSession(Fixtures.individual("INDIVIDUAL", fx.clinician(false), fx.eligiblePatient(Fixtures.MIXED),
                futureMorning(), 53));
        as(auth).when().get(BASE + "Slot/" + individual).then().statusCode(404);
        assertThat(expression(as(auth).when().get(BASE + "Slot?status=open").then().statusCode(400).extract())).isEqualTo("status");
    }

    @Test
    void aRosterIsAGroupOfItsSeatedPatientsWithPeriodsFoundByMember() {
        UUID leader = fx.groupLeader();
        String session = createSession(group(leader, futureMorning(), 60, 2));
        UUID stays = fx.eligibleGroupPatient();
        UUID leaves = fx.eligibleGroupPatient();
        UUID waits = fx.eligibleGroupPatient();
        UUID promoted = fx.eligibleGroupPatient();
        book(session, stays).statusCode(201);
        book(session, leaves).statusCode(201);
        book(session, waits).statusCode(201);
        book(session, promoted).statusCode(201);
        // the first waiting patient takes the freed seat; the second stays on the waitlist
        given().header("Authorization", Fixtures.auth("scheduler")).when().delete("/api/v1/sessions/" + session + "/participants/" + leaves)
                .then().statusCode(200);

        String auth = token("clinician", "user/Group.rs");
        Group group = valid(parse(Group.class, as(auth).when().get(BASE + "Group/" + session).then().statusCode(200).extract()));
        assertThat(group.getActual()).isTrue();
        assertThat(group.getQuantity()).isEqualTo(2);
        assertThat(group.getManagingEntity().getReference()).isEqualTo("Practitioner/" + leader);
        assertThat(group.getMember()).extracting(m -> m.getEntity().getReference())
                .containsExactlyInAnyOrder("Patient/" + stays, "Patient/" + leaves, "Patient/" + waits);
        Group.GroupMemberComponent left = group.getMember().stream().filter(m -> m.getEntity().getReference().endsWith(leaves.toString()))
                .findFirst().orElseThrow();
        assertThat(left.getInactive()).isTrue();
        assertThat(left.getPeriod().hasEnd()).isTrue();
        Group.GroupMemberComponent seated = group.getMember().stream().filter(m -> m.getEntity().getReference().endsWith(waits.toString()))
                .findFirst().orElseThrow();
        assertThat(seated.getInactive()).isFalse();
        assertThat(seated.getPeriod().getStart()).isAfterOrEqualTo(left.getPeriod().getEnd());
        // each member shown is audited as read
        assertThat(fx.count("select count(*) from audit_event where resource_type = 'Group' and resource_id = ? and action = 'READ'", session))
                .isEqualTo(3);

        assertThat(matchIds(bundle(as(auth).when().get(BASE + "Group?member=Patient/" + leaves).then().statusCode(200).extract())))
                .containsExactly(session);
        assertThat(matchIds(bundle(as(auth).when().get(BASE + "Group?member=" + promoted).then().extract()))).isEmpty();
        assertThat(matchIds(bundle(as(auth).when().get(BASE + "Group?_id=" + session).then().extract()))).containsExactly(session);
        // rosters are for staff and external callers: a patient's token is refused
        as(patientToken(stays, "patient/*.rs")).when().get(BASE + "Group/" + session).then().statusCode(403);
        as(token("clinician", "user/Appointment.rs")).when().get(BASE + "Group/" + session).then().statusCode(403);
    }

    @Test
    void aCallerOutsideTheProgramSeesAPart2PatientOnlyWithItsConsentAndThenWithTheLabels() {
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, 12));
        UUID plain = patient("ADULT_MH", List.of(groupConsent(null)));
        UUID hidden = patient("ADULT_SUD", List.of(groupConsent(null)));
        UUID consented = patient("ADULT_SUD", List.of(groupConsent(null), part2Consent("ehr-fhir", List.of("TREATMENT"),
                LocalDate.now().plusDays(30))));
        List.of(plain, hidden, consented).forEach(p -> book(session, p).statusCode(201));
        String ehr = external("ehr-fhir", "system/*.rs");

        Group group = valid(parse(Group.class, as(ehr).when().get(BASE + "Group/" + session).then().statusCode(200).extract()));
        assertThat(group.getMember()).extracting(m -> m.getEntity().getReference())
                .containsExactlyInAnyOrder("Patient/" + plain, "Patient/" + consented);
        assertThat(Part2Labels.isLabelled(group)).isTrue();

        as(ehr).when().get(BASE + "Appointment/" + bookingOf(session, hidden)).then().statusCode(404);
        assertThat(fx.count("select count(*) from audit_event where patient_id = ? and outcome = 'DENIED'", hidden)).isEqualTo(1);
        Appointment disclosed = valid(parse(Appointment.class, as(ehr).when().get(BASE + "Appointment/" + bookingOf(session, consented))
                .then().statusCode(200).extract()));
        assertThat(Part2Labels.isLabelled(disclosed)).isTrue();
        assertThat(disclosed.getMeta().getSecurity()).extracting(c -> c.getCode()).contains("R", "ETH", "42CFRPart2", "NORDSCLCD");
        Appointment notPart2 = valid(parse(Appointment.class, as(ehr).when().get(BASE + "Appointment/" + bookingOf(session, plain)).then()
                .statusCode(200).extract()));
        assertThat(Part2Labels.isLabelled(notPart2)).isFalse();

        Bundle seats = bundle(as(ehr).when().get(BASE + "Appointment?slot=" + session).then().statusCode(200).extract());
        assertThat(seats.getTotal()).isEqualTo(2);
        assertThat(matchIds(seats)).containsExactlyInAnyOrder(bookingOf(session, plain).toString(), bookingOf(session, consented).toString());
        assertThat(matchIds(bundle(as(ehr).when().get(BASE + "Appointment?patient=" + hidden).then().extract()))).isEmpty();
        assertThat(matchIds(bundle(as(ehr).when().get(BASE + "Group?member=" + hidden).then().extract()))).isEmpty();
        // program staff see everyone, unlabelled
        Group staffView = parse(Group.class, staff("clinician").when().get(BASE + "Group/" + session).then().statusCode(200).extract());
        assertThat(staffView.getMember()).hasSize(3);
        assertThat(Part2Labels.isLabelled(staffView)).isFalse();
    }

    private UUID patient(String track, List<care.iop.events.PatientState.ConsentSummary> consents) {
        UUID id = fx.patient(UUID.randomUUID(), EventTypes.PATIENT_REGISTERED, "ACTIVE", track, consents);
        fx.plan(UUID.randomUUID(), id, EventTypes.PLAN_CREATED, "active", Fixtures.MIXED);
        return id;
    }
}
