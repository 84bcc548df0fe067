package care.iop.participant.fhir;

import static care.iop.participant.fhir.FhirApi.BASE;
import static care.iop.participant.fhir.FhirApi.as;
import static care.iop.participant.fhir.FhirApi.asExternal;
import static care.iop.participant.fhir.FhirApi.asPatient;
import static care.iop.participant.fhir.FhirApi.assertOutcome;
import static care.iop.participant.fhir.FhirApi.bundle;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

import care.iop.fhir.Fhir;
import care.iop.fhir.Part2Labels;
import care.iop.participant.Api;
import care.iop.participant.Db;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** This service's share of Patient/$everything and its part of a bulk export, with the searches' privacy rules. */
@QuarkusTest
class FhirCompartmentAndExportTest {

    @Inject
    AgroalDataSource ds;

    private static List<String> typesAndIds(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart()).toList();
    }

    /** The NDJSON lines of an export part, parsed. */
    private static List<Resource> ndjson(String body) {
        return Arrays.stream(body.split("\n")).filter(line -> !line.isBlank()).map(line -> (Resource) Fhir.json().parseResource(line)).toList();
    }

    @Test
    void everythingIsThePatientAndItsConsents() {
        UUID id = Api.newPatient();
        String consent = ConsentFhirTest.grant(id, ConsentFhirTest.TELEHEALTH);
        Bundle everything = bundle(as("clinician", "user/*.rs").get(BASE + "/Patient/" + id + "/$everything-part"));
        assertThat(typesAndIds(everything)).containsExactly("Patient/" + id, "Consent/" + consent);

        Bundle own = bundle(asPatient(id, "patient/*.rs").get(BASE + "/Patient/" + id + "/$everything-part"));
        assertThat(typesAndIds(own)).containsExactly("Patient/" + id, "Consent/" + consent);
        Bundle patientsOnly = bundle(as("clinician", "user/Patient.rs").get(BASE + "/Patient/" + id + "/$everything-part"));
        assertThat(typesAndIds(patientsOnly)).containsExactly("Patient/" + id);
        Bundle later = bundle(as("clinician", "user/*.rs").queryParam("_since", Instant.now().plusSeconds(3600).toString())
                .get(BASE + "/Patient/" + id + "/$everything-part"));
        assertThat(later.getEntry()).isEmpty();
        assertOutcome(asPatient(Api.newPatient(), "patient/*.rs").get(BASE + "/Patient/" + id + "/$everything-part"), 404, null);
    }

    @Test
    void everythingForACallerOutsideTheProgramFollowsPart2AndHasNoConsents() {
        UUID id = FhirPart2Test.part2Patient(Api.uniqueFamilyName());
        assertOutcome(asExternal(FhirPart2Test.CLIENT, "system/*.rs").get(BASE + "/Patient/" + id + "/$everything-part"), 404, null);
        ConsentFhirTest.grant(id, ConsentFhirTest.PART2);
        Bundle everything = bundle(asExternal(FhirPart2Test.CLIENT, "system/*.rs").get(BASE + "/Patient/" + id + "/$everything-part"));
        assertThat(typesAndIds(everything)).containsExactly("Patient/" + id);
        assertThat(Part2Labels.isLabelled(everything.getEntryFirstRep().getResource())).isTrue();
    }

    @Test
    void anAdminExportStreamsEveryTypeOfThePatientsAsked() {
        UUID id = Api.newPatient();
        String consent = ConsentFhirTest.grant(id, ConsentFhirTest.TELEHEALTH);
        UUID other = Api.newPatient();
        String body = as("admin", "system/*.rs").queryParam("patient", id + "," + other).get(BASE + "/$export-part").then().statusCode(200)
                .extract().asString();
        List<Resource> resources = ndjson(body);

        assertThat(resources).filteredOn(r -> r.fhirType().equals("Patient")).extracting(r -> r.getIdElement().getIdPart())
                .containsExactlyInAnyOrder(id.toString(), other.toString());
        assertThat(resources).filteredOn(r -> r.fhirType().equals("Consent")).extracting(r -> r.getIdElement().getIdPart())
                .containsExactly(consent);
        assertThat(resources).extracting(Resource::fhirType).contains("Practitioner", "PractitionerRole");
        assertThat(Db.count(ds, "select count(*) from audit_event where patient_id = ? and action = 'READ' and resource_type = 'Patient'"
                + " and subject = 'test-admin'", id)).isEqualTo(1);
        assertThat(Db.count(ds, "select count(*) from audit_event where patient_id = ? and action = 'READ' and resource_type = 'Consent'"
                + " and resource_id = ?", id, consent)).isEqualTo(1);
    }

    @Test
    void anExportPagesThroughMoreRowsThanABatchAndHonoursTypeAndSince() {
        UUID id = Api.newPatient();
        String body = as("admin", "system/*.rs").queryParam("_type", "Patient").get(BASE + "/$export-part").then().statusCode(200)
                .extract().asString();
        List<Resource> all = ndjson(body);
        assertThat(all).extracting(Resource::fhirType).containsOnly("Patient");
        assertThat(all).extracting(r -> r.getIdElement().getIdPart()).contains(id.toString()).doesNotHaveDuplicates();
        assertThat((long) all.size()).isEqualTo(Db.count(ds, "select count(*) from patient"));

        Db.update(ds, "update patient set updated_at = ? where id = ?", java.sql.Timestamp.from(Instant.parse("2001-01-01T00:00:00Z")), id);
        List<Resource> since = ndjson(as("admin", "system/*.rs").queryParam("_type", "Patient").queryParam("_since", "2002-01-01T00:00:00Z")
                .get(BASE + "/$export-part").then().statusCode(200).extract().asString());
        assertThat(since).extracting(r -> r.getIdElement().getIdPart()).doesNotContain(id.toString());
    }

    @Test
    void anExportToACallerOutsideTheProgramHasPatientsOnlyAndPart2WithConsent() {
        String family = Api.uniqueFamilyName();
        UUID consented = FhirPart2Test.part2Patient(family);
        ConsentFhirTest.grant(consented, ConsentFhirTest.PART2);
        UUID withoutConsent = FhirPart2Test.part2Patient(family);
        UUID notPart2 = Api.newPatient();
        String body = asExternal(FhirPart2Test.CLIENT, "system/*.rs").queryParam("patient", consented + "," + withoutConsent + "," + notPart2)
                .get(BASE + "/$export-part").then().statusCode(200).extract().asString();
        List<Resource> resources = ndjson(body);

        assertThat(resources).extracting(r -> r.fhirType() + "/" + r.getIdElement().getIdPart())
                .containsExactlyInAnyOrder("Patient/" + consented, "Patient/" + notPart2);
        assertThat(resources).filteredOn(Part2Labels::isLabelled).extracting(r -> r.getIdElement().getIdPart())
                .containsExactly(consented.toString());
        assertThat(Db.count(ds, "select count(*) from audit_event where patient_id = ? and action = 'READ' and recipient = ?", consented,
                FhirPart2Test.CLIENT)).isGreaterThanOrEqualTo(1);
    }
}
