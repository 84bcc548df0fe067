package care.iop.participant.fhir;

import static care.iop.participant.fhir.FhirApi.BASE;
import static care.iop.participant.fhir.FhirApi.as;
import static care.iop.participant.fhir.FhirApi.assertOutcome;
import static care.iop.participant.fhir.FhirApi.bundle;
import static care.iop.participant.fhir.FhirApi.json;
import static care.iop.participant.fhir.FhirApi.matches;
import static care.iop.participant.fhir.FhirApi.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

import care.iop.participant.Api;
import care.iop.participant.Db;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** FHIR Patient searches: the parameters of US Core (and family, given, _lastUpdated), paging links, strict parameters. */
@QuarkusTest
class PatientFhirSearchTest {
    static final String STAFF = "user/Patient.crus";

    @Inject
    AgroalDataSource ds;

    /** Registers a patient by FHIR; its id. */
    private static String create(String mrn, String given, String family, String birthDate, AdministrativeGender gender) {
        Patient patient = PatientFhirTest.newPatient(mrn, family);
        patient.getNameFirstRep().getGiven().clear();
        patient.getNameFirstRep().addGiven(given);
        patient.setBirthDateElement(new DateType(birthDate));
        patient.setGender(gender);
        return parse(Patient.class, as("scheduler", STAFF).body(json(patient)).post(BASE + "/Patient")).getIdPart();
    }

    private static RequestSpecification search() {
        return as("clinician", STAFF);
    }

    private static List<String> found(RequestSpecification request) {
        return matches(bundle(request.get(BASE + "/Patient")));
    }

    @Test
    void byIdAndByIdentifier() {
        String mrn = Api.uniqueMrn();
        String id = create(mrn, "Ana", Api.uniqueFamilyName(), "1990-04-02", AdministrativeGender.FEMALE);
        String other = create(Api.uniqueMrn(), "Bo", Api.uniqueFamilyName(), "1990-04-02", AdministrativeGender.MALE);

        assertThat(found(search().queryParam("_id", id))).containsExactly(id);
        assertThat(found(search().queryParam("_id", id + "," + other))).containsExactlyInAnyOrder(id, other);
        assertThat(found(search().queryParam("_id", "not-a-uuid"))).isEmpty();
        assertThat(found(search().queryParam("identifier", Api.MRN + "|" + mrn))).containsExactly(id);
        assertThat(found(search().queryParam("identifier", mrn))).containsExactly(id);
        assertThat(found(search().queryParam("identifier", "urn:other|" + mrn))).isEmpty();
        assertThat(found(search().queryParam("identifier", ParticipantFhirUrls.PATIENT_ID_SYSTEM + "|" + id))).containsExactly(id);
        assertThat(found(search().queryParam("identifier", ParticipantFhirUrls.PATIENT_ID_SYSTEM + "|" + id).queryParam("_id", other))).isEmpty();
    }

    @Test
    void byNameFamilyAndGivenWithModifiers() {
        String family = "Quintero" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String id = create(Api.uniqueMrn(), "Rosa Maria", family, "1985-01-31", AdministrativeGender.FEMALE);

        assertThat(found(search().queryParam("name", family.toLowerCase()))).containsExactly(id);
        assertThat(found(search().queryParam("name", family.substring(0, 12)))).containsExactly(id);
        assertThat(found(search().queryParam("name", "maria").queryParam("family", family))).containsExactly(id);
        assertThat(found(search().queryParam("name", family.substring(3)))).as("not the start of a word").isEmpty();
        assertThat(found(search().queryParam("name:contains", family.substring(3)))).containsExactly(id);
        assertThat(found(search().queryParam("name:exact", family))).containsExactly(id);
        assertThat(found(search().queryParam("name:exact", family.toLowerCase()))).isEmpty();
        assertThat(found(search().queryParam("family", family).queryParam("given", "ros"))).containsExactly(id);
        assertThat(found(search().queryParam("family", family).queryParam("given", "ana"))).isEmpty();
    }

    @Test
    void byBirthdateAndNameAndByGenderAndName() {
        String family = Api.uniqueFamilyName();
        String born1985 = create(Api.uniqueMrn(), "Ana", family, "1985-01-31", AdministrativeGender.FEMALE);
        String born1990 = create(Api.uniqueMrn(), "Bo", family, "1990-12-01", AdministrativeGender.MALE);
        String unrecorded = create(Api.uniqueMrn(), "Cy", family, "1990-12-02", null);

        assertThat(found(search().queryParam("name", family).queryParam("birthdate", "1985-01-31"))).containsExactly(born1985);
        assertThat(found(search().queryParam("name", family).queryParam("birthdate", "1990"))).containsExactlyInAnyOrder(born1990, unrecorded);
        assertThat(found(search().queryParam("name", family).queryParam("birthdate", "1990-12"))).containsExactlyInAnyOrder(born1990, unrecorded);
        assertThat(found(search().queryParam("name", family).queryParam("birthdate", "ge1990-12-02"))).containsExactly(unrecorded);
        assertThat(found(search().queryParam("name", family).queryParam("birthdate", "gt1990-12-01"))).containsExactly(unrecorded);
        assertThat(found(search().queryParam("name", family).queryParam("birthdate", "lt1990-12-01"))).containsExactly(born1985);
        assertThat(found(search().queryParam("name", family).queryParam("birthdate", "le1990-12-01"))).containsExactlyInAnyOrder(born1985, born1990);
        assertThat(found(search().queryParam("name", family).queryParam("birthdate", "ge1985-02-01").queryParam("birthdate", "lt1990-12-02")))
                .containsExactly(born1990);

        assertThat(found(search().queryParam("name", family).queryParam("gender", "female"))).containsExactly(born1985);
        assertThat(found(search().queryParam("name", family).queryParam("gender", "http://hl7.org/fhir/administrative-gender|male")))
                .containsExactly(born1990);
        assertThat(found(search().queryParam("name", family).queryParam("gender", "unknown"))).containsExactly(unrecorded);
        assertThat(found(search().queryParam("name", family).queryParam("gender", "female,male"))).containsExactlyInAnyOrder(born1985, born1990);
        assertOutcome(search().queryParam("name", family).queryParam("gender", "f").get(BASE + "/Patient"), 400, "gender");
        assertOutcome(search().queryParam("name", family).queryParam("birthdate", "1990-13").get(BASE + "/Patient"), 400, "birthdate");
    }

    @Test
    void byLastUpdated() {
        String family = Api.uniqueFamilyName();
        String old = create(Api.uniqueMrn(), "Ana", family, "1985-01-31", AdministrativeGender.FEMALE);
        String recent = create(Api.uniqueMrn(), "Bo", family, "1985-01-31", AdministrativeGender.FEMALE);
        Db.update(ds, "update patient set updated_at = ? where id = ?", java.sql.Timestamp.from(Instant.parse("2020-05-01T12:00:00Z")),
                UUID.fromString(old));

        assertThat(found(search().queryParam("name", family).queryParam("_lastUpdated", "lt2021-01-01"))).containsExactly(old);
        assertThat(found(search().queryParam("name", family).queryParam("_lastUpdated", "ge2020-05-01T12:00:00Z")))
                .containsExactlyInAnyOrder(old, recent);
        assertThat(found(search().queryParam("name", family).queryParam("_lastUpdated", "gt2020-05-01T12:00:00Z"))).containsExactly(recent);
    }

    @Test
    void pagesWithCountOffsetAndLinks() {
        String family = Api.uniqueFamilyName();
        List<String> ids = List.of(create(Api.uniqueMrn(), "A", family, "1980-01-01", AdministrativeGender.FEMALE),
                create(Api.uniqueMrn(), "B", family, "1980-01-01", AdministrativeGender.FEMALE),
                create(Api.uniqueMrn(), "C", family, "1980-01-01", AdministrativeGender.FEMALE));

        Bundle first = bundle(search().queryParam("family", family).queryParam("_count", 2).get(BASE + "/Patient"));
        assertThat(first.getTotal()).isEqualTo(3);
        assertThat(matches(first)).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.getLink("self").getUrl()).contains("family=" + family).contains("_count=2").contains("_offset=0");
        assertThat(first.getLink("previous")).isNull();
        String next = first.getLink("next").getUrl();
        assertThat(next).contains("_offset=2").contains("/fhir/R4/Patient?");

        Bundle second = bundle(search().queryParam("family", family).queryParam("_count", 2).queryParam("_offset", 2).get(BASE + "/Patient"));
        assertThat(matches(second)).containsExactly(ids.get(2));
        assertThat(second.getLink("next")).isNull();
        assertThat(second.getLink("previous").getUrl()).contains("_offset=0");
        assertThat(second.getEntryFirstRep().getFullUrl()).endsWith("/fhir/R4/Patient/" + ids.get(2));

        Bundle onlyTotal = bundle(search().queryParam("family", family).queryParam("_count", 0).get(BASE + "/Patient"));
        assertThat(onlyTotal.getTotal()).isEqualTo(3);
        assertThat(onlyTotal.getEntry()).isEmpty();
    }

    @Test
    void theGatewaysBaseIsTheOneInLinks() {
        String family = Api.uniqueFamilyName();
        create(Api.uniqueMrn(), "A", family, "1980-01-01", AdministrativeGender.FEMALE);
        Bundle bundle = bundle(search().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "iop.example")
                .queryParam("family", family).get(BASE + "/Patient"));
        assertThat(bundle.getLink("self").getUrl()).startsWith("https://iop.example/fhir/R4/Patient?");
        assertThat(bundle.getEntryFirstRep().getFullUrl()).startsWith("https://iop.example/fhir/R4/Patient/");
    }

    @Test
    void strictAboutParametersModifiersAndIncludes() {
        assertOutcome(search().queryParam("nmae", "x").get(BASE + "/Patient"), 400, "nmae");
        assertOutcome(search().queryParam("name:missing", "true").get(BASE + "/Patient"), 400, "name:missing");
        assertOutcome(search().queryParam("identifier:text", "x").get(BASE + "/Patient"), 400, "identifier:text");
        assertOutcome(search().queryParam("family", "a").queryParam("family", "b").get(BASE + "/Patient"), 400, "family");
        assertOutcome(search().queryParam("name", "a,b").get(BASE + "/Patient"), 400, "name");
        assertOutcome(search().queryParam("_include", "Patient:organization").get(BASE + "/Patient"), 400, "_include");
        assertOutcome(search().queryParam("_count", "many").get(BASE + "/Patient"), 400, "_count");
        assertOutcome(search().queryParam("_lastUpdated", "yesterday").get(BASE + "/Patient"), 400, "_lastUpdated");
    }

    @Test
    void everyPatientReturnedIsAudited() {
        String family = Api.uniqueFamilyName();
        String id = create(Api.uniqueMrn(), "A", family, "1980-01-01", AdministrativeGender.FEMALE);
        found(search().queryParam("family", family));
        assertThat(Db.count(ds, "select count(*) from audit_event where patient_id = ? and action = 'SEARCH' and subject = 'test-clinician'",
                UUID.fromString(id))).isEqualTo(1);
    }
}
