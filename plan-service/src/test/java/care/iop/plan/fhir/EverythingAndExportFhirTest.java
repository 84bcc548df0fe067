package care.iop.plan.fhir;

import static care.iop.plan.fhir.FhirApi.bundle;
import static care.iop.plan.fhir.FhirApi.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.fhir.Fhir;
import care.iop.fhir.Part2Labels;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ValidFhir;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * plan-service's share of Patient/$everything and its part of a bulk export: every type the caller may read (roles as
 * the JSON API, scopes), changed since _since, Part 2 records of a patient without consent left out for an EHR.
 */
@QuarkusTest
class EverythingAndExportFhirTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;
    UUID patient;
    String planId;

    @BeforeEach
    void records() {
        fixtures = new PlanFixtures(bootstrap, ds);
        UUID[] ids = fixtures.patientAndClinician();
        patient = ids[0];
        planId = FhirApi.structuredPlan(fixtures, patient, ids[1]);
        PlanFixtures.post("clinician", "/api/v1/assessments", "{\"patientId\":\"" + patient + "\",\"instrument\":\"PHQ9\","
                + "\"answers\":[0,0,0,0,0,0,0,0,1],\"takenAt\":\"2026-12-01T15:00:00Z\"}").statusCode(201);
    }

    private static List<String> types(List<? extends Resource> resources) {
        return resources.stream().map(Resource::fhirType).sorted().toList();
    }

    private static List<Resource> everything(String token, UUID patient, String query) {
        Response response = given().urlEncodingEnabled(false).header("Authorization", token).accept(FhirApi.FHIR_JSON)
                .get(FhirApi.BASE + "/Patient/" + patient + "/$everything-part" + query);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return bundle(response).getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
    }

    private static List<Resource> export(String token, String query) {
        Response response = given().urlEncodingEnabled(false).header("Authorization", token).get(FhirApi.BASE + "/$export-part?" + query);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return Arrays.stream(response.asString().split("\n")).filter(line -> !line.isBlank())
                .map(line -> (Resource) Fhir.json().parseResource(line)).toList();
    }

    @Test
    void everythingHoldsEveryTypeTheCallerMayRead() {
        List<Resource> all = everything(FhirApi.clinician(), patient, "");
        assertThat(types(all)).containsExactly("CarePlan", "Flag", "Goal", "Goal", "Observation", "QuestionnaireResponse");
        all.forEach(ValidFhir::assertValid);

        assertThat(types(everything(FhirApi.patient(patient, "patient/*.rs"), patient, "")))
                .containsExactly("CarePlan", "Goal", "Goal", "Observation", "QuestionnaireResponse");
        assertThat(types(everything(FhirApi.ehr("ehr-everything", "system/*.rs"), patient, ""))).containsExactly("CarePlan", "Goal", "Goal");
        assertThat(types(everything(FhirApi.token("clinician", "user/Patient.r user/CarePlan.rs user/Flag.rs"), patient, "")))
                .containsExactly("CarePlan", "Flag");
        assertThat(everything(FhirApi.clinician(), patient, "?_since=2999-01-01T00:00:00Z")).isEmpty();
        assertThat(given().urlEncodingEnabled(false).header("Authorization", FhirApi.patient(UUID.randomUUID(), "patient/*.rs"))
                .get(FhirApi.BASE + "/Patient/" + patient + "/$everything-part").statusCode()).isEqualTo(404);
    }

    @Test
    void exportStreamsEveryTypeForBackendsOnly() {
        String admin = FhirApi.token("admin", "system/*.rs");
        List<Resource> all = export(admin, "patient=" + patient);
        assertThat(types(all)).containsExactly("CarePlan", "Flag", "Goal", "Goal", "Observation", "QuestionnaireResponse");
        all.forEach(ValidFhir::assertValid);

        assertThat(types(export(admin, "patient=" + patient + "&_type=Observation,Flag"))).containsExactly("Flag", "Observation");
        assertThat(export(admin, "patient=" + patient + "&_since=2999-01-01T00:00:00Z")).isEmpty();
        assertThat(types(export(FhirApi.ehr("ehr-export", "system/*.rs"), "patient=" + patient)))
                .as("an EHR gets no assessments nor flags, as in the JSON API").containsExactly("CarePlan", "Goal", "Goal");
        assertThat(given().urlEncodingEnabled(false).header("Authorization", FhirApi.clinician()).get(FhirApi.BASE + "/$export-part")
                .statusCode()).isEqualTo(403);
    }

    /**
     * Exports all patients' plans changed since the test began (the foundation audits the patients a request names before
     * any record is read, which refuses a request naming a Part 2 patient without consent: the lead's to settle).
     */
    @Test
    void anExportToAnEhrLeavesOutPart2PatientsWithoutConsentAndLabelsTheOthers() {
        String since = java.time.Instant.now().minusSeconds(1).toString();
        String ehr = "ehr-export-part2";
        UUID consented = UUID.randomUUID();
        UUID hidden = UUID.randomUUID();
        fixtures.register(EventFixtures.patient(consented).track("ADULT_SUD")
                .disclosureConsent(UUID.randomUUID(), ehr, List.of("TREATMENT"), PlanFixtures.today().plusDays(30)).build());
        fixtures.register(EventFixtures.patient(hidden).track("ADULT_SUD").build());
        UUID clinician = fixtures.clinician();
        String consentedPlan = FhirApi.structuredPlan(fixtures, consented, clinician);
        String hiddenPlan = FhirApi.structuredPlan(fixtures, hidden, clinician);
        UUID[] ids = fixtures.patientAndClinician();
        String plainPlan = FhirApi.structuredPlan(fixtures, ids[0], ids[1]);

        List<Resource> exported = export(FhirApi.ehr(ehr, "system/*.rs"), "_type=CarePlan&_since=" + since);

        assertThat(exported).extracting(Resource::getIdPart).contains(consentedPlan, plainPlan).doesNotContain(hiddenPlan);
        exported.stream().filter(r -> List.of(consentedPlan, plainPlan).contains(r.getIdPart()))
                .forEach(r -> assertThat(Part2Labels.isLabelled(r)).as(r.getIdPart()).isEqualTo(r.getIdPart().equals(consentedPlan)));
        assertThat(types(everything(FhirApi.ehr(ehr, "system/*.rs"), consented, ""))).containsExactly("CarePlan", "Goal", "Goal");
        assertThat(export(FhirApi.token("admin", "system/*.rs"), "_type=CarePlan&_since=" + since)).extracting(Resource::getIdPart)
                .as("program staff export every patient's").contains(consentedPlan, hiddenPlan, plainPlan);
    }
}
