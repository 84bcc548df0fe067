package care.iop.session.fhir;

import static care.iop.session.Fixtures.book;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.group;
import static care.iop.session.Fixtures.groupConsent;
import static care.iop.session.Fixtures.startedAnHourAgo;
import static care.iop.session.fhir.FhirFixtures.BASE;
import static care.iop.session.fhir.FhirFixtures.bookingOf;
import static care.iop.session.fhir.FhirFixtures.as;
import static care.iop.session.fhir.FhirFixtures.external;
import static care.iop.session.fhir.FhirFixtures.patientToken;
import static care.iop.session.fhir.FhirFixtures.token;
import static care.iop.session.fhir.SessionFhirValidation.validAsServed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.fhir.Fhir;
import care.iop.session.Fixtures;
import care.iop.testing.FhirValidation;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** session-service's shares of Patient/$everything and of bulk export, and its part of the capability statement. */
@QuarkusTest
class FhirEverythingAndExportTest {
    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(bootstrap, ds);
    }


    /** A session with two attending patients: a Part 2 one (ADULT_SUD, no disclosure consent) and one that is not. */
    record World(String session, UUID part2, UUID plain) {
    }

    World attendedGroup() {
        String session = createSession(group(fx.groupLeader(), startedAnHourAgo(), 180, null));
        UUID part2 = fx.eligibleGroupPatient();
        UUID plain = fx.patient(UUID.randomUUID(), EventTypes.PATIENT_REGISTERED, "ACTIVE", "ADULT_MH", List.of(groupConsent(null)));
        fx.plan(UUID.randomUUID(), plain, EventTypes.PLAN_CREATED, "active", Fixtures.MIXED);
        book(session, part2).statusCode(201);
        book(session, plain).statusCode(201);
        given().header("Authorization", Fixtures.auth("clinician")).contentType("application/json")
                .body(Fixtures.json(Map.of("attendees", List.of(Map.of("patientId", part2.toString(), "status", "ATTENDED", "minutesAttended", 180),
                        Map.of("patientId", plain.toString(), "status", "ATTENDED", "minutesAttended", 180)))))
                .when().put("/api/v1/sessions/" + session + "/attendance").then().statusCode(200);
        return new World(session, part2, plain);
    }

    static Set<String> typed(List<? extends Resource> resources) {
        return resources.stream().map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart()).collect(Collectors.toSet());
    }

    /** The foundation's paths are matched with a literal {@code $} (as FHIR clients send it), not {@code %24}: no URL encoding. */
    List<Resource> everything(String authorization, UUID patient) {
        Bundle bundle = Fhir.json().parseResource(Bundle.class, as(authorization).urlEncodingEnabled(false).when().get(BASE + "Patient/" + patient + "/$everything-part")
                .then().statusCode(200).extract().asString());
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).map(SessionFhirValidation::validAsServed).toList();
    }

    List<Resource> export(String authorization, String query) {
        String ndjson = as(authorization).urlEncodingEnabled(false).accept("application/fhir+ndjson").when().get(BASE + "$export-part?" + query).then().statusCode(200)
                .extract().asString();
        return Arrays.stream(ndjson.split("\n")).filter(line -> !line.isBlank()).map(line -> (Resource) Fhir.json().parseResource(line))
                .map(SessionFhirValidation::validAsServed).toList();
    }

    @Test
    void aPatientsEverythingHoldsItsAppointmentsAndForStaffItsEncounters() {
        World w = attendedGroup();
        UUID seat = bookingOf(fx, w.session(), w.plain());
        assertThat(typed(everything(token("clinician", "user/*.rs"), w.plain())))
                .containsExactlyInAnyOrder("Appointment/" + seat, "Encounter/" + seat);
        // the patient's own app: its Appointments; attendance is not for patients
        assertThat(typed(everything(patientToken(w.plain(), "patient/*.rs"), w.plain()))).containsExactly("Appointment/" + seat);
        // changed since later than the attendance: nothing
        String later = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5).withNano(0).toString();
        assertThat(Fhir.json().parseResource(Bundle.class, as(token("clinician", "user/*.rs")).urlEncodingEnabled(false).when()
                .get(BASE + "Patient/" + w.plain() + "/$everything-part?_since=" + later).then().statusCode(200).extract().asString()).getEntry()).isEmpty();
        // a caller outside the program: a patient that is not Part 2 in full; nothing of a Part 2 patient without consent (the
        // foundation's $everything-part audits the patient itself and so refuses the whole answer: reported to the lead)
        assertThat(typed(everything(external("ehr-everything", "system/*.rs"), w.plain()))).hasSize(2);
        String refused = as(external("ehr-everything", "system/*.rs")).urlEncodingEnabled(false).when()
                .get(BASE + "Patient/" + w.part2() + "/$everything-part").then().extract().asString();
        assertThat(refused).doesNotContain(bookingOf(fx, w.session(), w.part2()).toString());
    }

    @Test
    void anExportPartStreamsThePatientsResourcesWithThePart2Rule() {
        World w = attendedGroup();
        UUID part2Seat = bookingOf(fx, w.session(), w.part2());
        UUID plainSeat = bookingOf(fx, w.session(), w.plain());
        String patients = w.part2() + "," + w.plain();

        List<Resource> all = export(token("admin", "system/*.rs"), "_type=Appointment,Encounter,Group&patient=" + patients);
        assertThat(typed(all)).containsExactlyInAnyOrder("Appointment/" + part2Seat, "Appointment/" + plainSeat, "Encounter/" + part2Seat,
                "Encounter/" + plainSeat, "Group/" + w.session());

        // a caller outside the program exporting all patients (the foundation refuses a list naming a Part 2 patient without
        // consent outright): the Part 2 patient's seats left out, and out of the Group
        Set<String> external = typed(export(external("ehr-export", "system/*.rs"), "_type=Appointment,Encounter,Group"));
        assertThat(external).contains("Appointment/" + plainSeat, "Encounter/" + plainSeat, "Group/" + w.session())
                .doesNotContain("Appointment/" + part2Seat, "Encounter/" + part2Seat);
        Group group = (Group) export(external("ehr-export", "system/*.rs"), "_type=Group").stream()
                .filter(r -> r.getIdElement().getIdPart().equals(w.session())).findFirst().orElseThrow();
        assertThat(group.getMember()).extracting(m -> m.getEntity().getReference()).containsExactly("Patient/" + w.plain());

        // _since later than every change: nothing; Slots and Schedules only in an export of all patients
        String later = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5).withNano(0).toString();
        assertThat(export(token("admin", "system/*.rs"), "_type=Appointment,Encounter,Group&patient=" + patients + "&_since=" + later)).isEmpty();
        assertThat(export(token("admin", "system/*.rs"), "_type=Slot&patient=" + w.plain())).isEmpty();
        String recent = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10).withNano(0).toString();
        assertThat(typed(export(token("admin", "system/*.rs"), "_type=Slot&_since=" + recent))).contains("Slot/" + w.session());
        // backend services only
        as(token("clinician", "user/*.rs")).urlEncodingEnabled(false).accept("application/fhir+ndjson").when()
                .get(BASE + "$export-part?_type=Appointment").then()
                .statusCode(403);
        assertThat(fx.count("select count(*) from audit_event where resource_type = 'Appointment/$export' and patient_id = ?", w.plain()))
                .isEqualTo(2);
    }

    @Test
    void theCapabilityStatementDeclaresWhatIsImplementedAndTheUsCoreShallSearchesOfEncounter() {
        CapabilityStatement statement = Fhir.json().parseResource(CapabilityStatement.class,
                given().accept("application/fhir+json").when().get(BASE + "metadata").then().statusCode(200).extract().asString());
        Map<String, CapabilityStatementRestResourceComponent> resources = statement.getRestFirstRep().getResource().stream()
                .collect(Collectors.toMap(r -> r.getType(), r -> r));
        assertThat(resources).containsKeys("Appointment", "Slot", "Schedule", "Group", "Encounter");
        assertThat(resources.get("Appointment").getInteraction()).extracting(i -> i.getCode().toCode())
                .contains("read", "vread", "search-type", "create", "update");
        assertThat(resources.get("Encounter").getSupportedProfile()).extracting(p -> p.getValue()).contains(FhirValidation.US_CORE + "us-core-encounter");

        CapabilityStatement usCore = Fhir.json().parseResource(CapabilityStatement.class, readUsCore("CapabilityStatement-us-core-server.json"));
        CapabilityStatementRestResourceComponent expected = usCore.getRestFirstRep().getResource().stream()
                .filter(r -> r.getType().equals("Encounter")).findFirst().orElseThrow();
        CapabilityStatementRestResourceComponent ours = resources.get("Encounter");
        Set<String> ourParameters = ours.getSearchParam().stream().map(p -> p.getName()).collect(Collectors.toSet());
        expected.getSearchParam().stream().filter(p -> shall(p.getExtension()))
                .forEach(p -> assertThat(ourParameters).as("SHALL search " + p.getName()).contains(p.getName()));
        Set<Set<String>> ourCombinations = combinations(ours.getExtension());
        combinations(expected.getExtension().stream().filter(e -> shall(e.getExtension())).toList())
                .forEach(c -> assertThat(ourCombinations).as("SHALL combination " + c).contains(c));
        assertThat(ours.getInteraction()).extracting(i -> i.getCode().toCode()).contains("read", "search-type");
    }

    private static String readUsCore(String file) {
        try {
            return new String(FhirValidation.usCore().getFolders().get("package").fetchFile(file), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean shall(List<Extension> extensions) {
        return extensions.stream().anyMatch(e -> e.getUrl().endsWith("capabilitystatement-expectation") && "SHALL".equals(e.getValue().primitiveValue()));
    }

    private static Set<Set<String>> combinations(List<Extension> extensions) {
        return extensions.stream().filter(e -> e.getUrl().endsWith("capabilitystatement-search-parameter-combination"))
                .map(e -> e.getExtension().stream().filter(x -> x.getUrl().equals("required")).map(x -> x.getValue().primitiveValue())
                        .collect(Collectors.toSet()))
                .collect(Collectors.toSet());
    }
}
