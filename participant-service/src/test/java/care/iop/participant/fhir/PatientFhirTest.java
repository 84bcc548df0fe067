package care.iop.participant.fhir;

import static care.iop.participant.fhir.FhirApi.BASE;
import static care.iop.participant.fhir.FhirApi.as;
import static care.iop.participant.fhir.FhirApi.assertOutcome;
import static care.iop.participant.fhir.FhirApi.assertValid;
import static care.iop.participant.fhir.FhirApi.bundle;
import static care.iop.participant.fhir.FhirApi.json;
import static care.iop.participant.fhir.FhirApi.matches;
import static care.iop.participant.fhir.FhirApi.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.participant.Api;
import care.iop.participant.Db;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** FHIR Patient: read, vread, create (same registration as the JSON API) and update with If-Match. */
@QuarkusTest
class PatientFhirTest {
    static final String STAFF = "user/*.cruds";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** A FHIR Patient to create: a fresh MRN and family name, track ADULT_MH. */
    static Patient newPatient(String mrn, String family) {
        Patient patient = PatientRegistrationMapperTest.ana();
        patient.getIdentifierFirstRep().setValue(mrn);
        patient.getNameFirstRep().setFamily(family);
        patient.getExtensionByUrl(ParticipantFhirUrls.TRACK).setValue(new CodeType("ADULT_MH"));
        return patient;
    }

    private long rowsWithMrn(String mrn) {
        return Db.count(ds, "select count(*) from patient_identifier where value = ?", mrn);
    }

    @Test
    void readAnswersTheUsCorePatientWithItsVersion() {
        UUID id = Api.newPatient();
        Response read = as("clinician", STAFF).get(BASE + "/Patient/" + id);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/fhir+json");
        assertThat(read.header("ETag")).isEqualTo("W/\"0\"");
        assertThat(read.header("Last-Modified")).isNotBlank();
        Patient patient = parse(Patient.class, read);
        assertThat(patient.getIdPart()).isEqualTo(id.toString());
        assertThat(patient.getMeta().getVersionId()).isEqualTo("0");
        assertThat(patient.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Ana");
        assertThat(patient.getIdentifier()).extracting(i -> i.getSystem()).contains(ParticipantFhirUrls.PATIENT_ID_SYSTEM, Api.MRN);
        assertThat(patient.getMeta().getSecurity()).as("staff read: no disclosure, no labels").isEmpty();
        assertValid(patient, ParticipantFhirUrls.US_CORE_PATIENT);
        assertThat(Db.count(ds, "select count(*) from audit_event where patient_id = ? and action = 'READ' and resource_type = 'Patient'"
                + " and subject = 'test-clinician'", id)).isEqualTo(1);
    }

    @Test
    void unknownPatientsAndIdsThatAreNoUuidAre404() {
        assertOutcome(as("clinician", STAFF).get(BASE + "/Patient/" + UUID.randomUUID()), 404, null);
        assertOutcome(as("clinician", STAFF).get(BASE + "/Patient/not-a-uuid"), 404, null);
    }

    @Test
    void vreadServesTheCurrentVersionOnly() {
        UUID id = Api.newPatient();
        Response current = as("admin", STAFF).get(BASE + "/Patient/" + id + "/_history/0");
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.header("ETag")).isEqualTo("W/\"0\"");
        assertThat(parse(Patient.class, current).getIdPart()).isEqualTo(id.toString());

        Api.as("scheduler").header("If-Match", "\"0\"").body(Api.patientBody(Api.uniqueMrn(), "Moved", "2026-01-05"))
                .put(Api.PATIENTS + "/" + id).then().statusCode(200);
        assertOutcome(as("admin", STAFF).get(BASE + "/Patient/" + id + "/_history/0"), 404, null);
        assertThat(as("admin", STAFF).get(BASE + "/Patient/" + id + "/_history/1").statusCode()).isEqualTo(200);
        assertOutcome(as("admin", STAFF).get(BASE + "/Patient/" + id + "/_history/x"), 404, null);
    }

    @Test
    void createRegistersThroughTheJsonApisRulesAndEvent() {
        String mrn = Api.uniqueMrn();
        String family = Api.uniqueFamilyName();
        Response created = as("integration", "system/Patient.c system/Patient.r").body(json(newPatient(mrn, family))).post(BASE + "/Patient");

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        Patient patient = parse(Patient.class, created);
        String id = patient.getIdPart();
        assertThat(created.header("Location")).endsWith(BASE + "/Patient/" + id + "/_history/0");
        assertThat(created.header("ETag")).isEqualTo("W/\"0\"");
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo(family);
        assertThat(patient.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Ana Maria");
        assertThat(patient.getExtensionByUrl(ParticipantFhirUrls.PROGRAM_STATUS).getValue().primitiveValue()).isEqualTo("ACTIVE");
        assertValid(patient, ParticipantFhirUrls.US_CORE_PATIENT);
        assertThat(Db.count(ds, "select count(*) from patient where id = ? and track = 'ADULT_MH' and level_of_care = '2.1'"
                + " and admission_date = date '2026-01-05' and status = 'ACTIVE'", UUID.fromString(id))).isEqualTo(1);
        assertThat(Db.count(ds, "select count(*) from audit_event where patient_id = ? and action = 'CREATE' and resource_type = 'Patient'",
                UUID.fromString(id))).isEqualTo(1);
        TopicReader topic = new TopicReader(bootstrap);
        await().atMost(Duration.ofSeconds(30)).until(() -> !topic.readByKey(Topics.PARTICIPANTS, id).isEmpty());
        assertThat(TopicReader.header(topic.readByKey(Topics.PARTICIPANTS, id).get(0), "ce_type")).isEqualTo(EventTypes.PATIENT_REGISTERED);
    }

    @Test
    void aValueTheRegistrationRefusesIs400AtTheElementAndStoresNothing() {
        String mrn = Api.uniqueMrn();
        Patient blank = newPatient(mrn, " ");
        assertOutcome(as("scheduler", STAFF).body(json(blank)).post(BASE + "/Patient"), 400, "Patient.name[0].family");

        Patient future = newPatient(mrn, "Diaz");
        future.setBirthDateElement(new DateType("2999-01-01"));
        assertOutcome(as("scheduler", STAFF).body(json(future)).post(BASE + "/Patient"), 400, "Patient.birthDate");

        Patient noTrack = newPatient(mrn, "Diaz");
        noTrack.getExtension().removeIf(e -> e.getUrl().equals(ParticipantFhirUrls.TRACK));
        assertOutcome(as("scheduler", STAFF).body(json(noTrack)).post(BASE + "/Patient"), 400,
                "Patient.extension('" + ParticipantFhirUrls.TRACK + "')");

        Patient badSystem = newPatient(mrn, "Diaz");
        badSystem.getIdentifierFirstRep().setSystem("not a uri");
        assertOutcome(as("scheduler", STAFF).body(json(badSystem)).post(BASE + "/Patient"), 400, "Patient.identifier[0].system");

        Patient readOnly = newPatient(mrn, "Diaz");
        readOnly.addExtension(ParticipantFhirUrls.PROGRAM_STATUS, new CodeType("DISCHARGED"));
        assertOutcome(as("scheduler", STAFF).body(json(readOnly)).post(BASE + "/Patient"), 400,
                "Patient.extension('" + ParticipantFhirUrls.PROGRAM_STATUS + "')");
        assertThat(rowsWithMrn(mrn)).isZero();
    }

    @Test
    void whatTheRegistryCannotTakeIs422AndUnparseableInputIs400() {
        String mrn = Api.uniqueMrn();
        Patient partial = newPatient(mrn, "Diaz");
        partial.setBirthDateElement(new DateType("1990-04"));
        assertOutcome(as("scheduler", STAFF).body(json(partial)).post(BASE + "/Patient"), 422, "Patient.birthDate");

        Patient ownId = newPatient(mrn, "Diaz");
        ownId.addIdentifier().setSystem(ParticipantFhirUrls.PATIENT_ID_SYSTEM).setValue(UUID.randomUUID().toString());
        assertOutcome(as("scheduler", STAFF).body(json(ownId)).post(BASE + "/Patient"), 422, "Patient.identifier[1]");

        String unknownElement = json(newPatient(mrn, "Diaz")).replace("\"gender\"", "\"gendre\"");
        assertOutcome(as("scheduler", STAFF).body(unknownElement).post(BASE + "/Patient"), 400, null);
        String wrongType = "{\"resourceType\":\"Practitioner\",\"active\":true}";
        assertOutcome(as("scheduler", STAFF).body(wrongType).post(BASE + "/Patient"), 400, null);
        assertThat(rowsWithMrn(mrn)).isZero();
    }

    @Test
    void aTakenIdentifierIs409NamingThePatient() {
        String mrn = Api.uniqueMrn();
        String first = parse(Patient.class, as("scheduler", STAFF).body(json(newPatient(mrn, "Diaz"))).post(BASE + "/Patient")).getIdPart();
        var outcome = assertOutcome(as("scheduler", STAFF).body(json(newPatient(mrn, "Other"))).post(BASE + "/Patient"), 409, null);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("Patient/" + first);
        assertThat(rowsWithMrn(mrn)).isEqualTo(1);
    }

    @Test
    void aRepeatWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String mrn = Api.uniqueMrn();
        String body = json(newPatient(mrn, "Diaz"));
        String key = UUID.randomUUID().toString();
        Response first = as("scheduler", STAFF).header("Idempotency-Key", key).body(body).post(BASE + "/Patient");
        Response again = as("scheduler", STAFF).header("Idempotency-Key", key).body(body).post(BASE + "/Patient");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.contentType()).startsWith("application/fhir+json");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(parse(Patient.class, again).getIdPart()).isEqualTo(parse(Patient.class, first).getIdPart());
        assertThat(rowsWithMrn(mrn)).isEqualTo(1);
        Response other = as("scheduler", STAFF).header("Idempotency-Key", key).body(json(newPatient(Api.uniqueMrn(), "Diaz"))).post(BASE + "/Patient");
        assertOutcome(other, 422, null);
    }

    @Test
    void updateNeedsTheCurrentVersionInIfMatch() {
        String mrn = Api.uniqueMrn();
        Response created = as("scheduler", STAFF).body(json(newPatient(mrn, "Diaz"))).post(BASE + "/Patient");
        Patient read = parse(Patient.class, created);
        String id = read.getIdPart();
        read.getNameFirstRep().setFamily("Diaz-Lopez");
        String changed = json(read);

        assertOutcome(as("scheduler", STAFF).body(changed).put(BASE + "/Patient/" + id), 412, null);
        assertOutcome(as("scheduler", STAFF).header("If-Match", "W/\"7\"").body(changed).put(BASE + "/Patient/" + id), 412, null);
        assertThat(Db.count(ds, "select count(*) from patient where id = ? and family_name = 'Diaz' and version = 0", UUID.fromString(id))).isEqualTo(1);

        Response updated = as("scheduler", STAFF).header("If-Match", created.header("ETag")).body(changed).put(BASE + "/Patient/" + id);
        assertThat(updated.statusCode()).as(updated.asString()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(parse(Patient.class, updated).getNameFirstRep().getFamily()).isEqualTo("Diaz-Lopez");
        assertOutcome(as("scheduler", STAFF).header("If-Match", created.header("ETag")).body(changed).put(BASE + "/Patient/" + id), 412, null);
    }

    @Test
    void updateRefusesAnotherIdAndChangedReadOnlyElements() {
        Response created = as("scheduler", STAFF).body(json(newPatient(Api.uniqueMrn(), "Diaz"))).post(BASE + "/Patient");
        Patient read = parse(Patient.class, created);
        String id = read.getIdPart();

        Patient otherId = read.copy();
        otherId.setId(UUID.randomUUID().toString());
        assertOutcome(as("scheduler", STAFF).header("If-Match", "W/\"0\"").body(json(otherId)).put(BASE + "/Patient/" + id), 400, "Patient.id");

        Patient discharged = read.copy();
        discharged.getExtensionByUrl(ParticipantFhirUrls.PROGRAM_STATUS).setValue(new CodeType("DISCHARGED"));
        assertOutcome(as("scheduler", STAFF).header("If-Match", "W/\"0\"").body(json(discharged)).put(BASE + "/Patient/" + id), 400,
                "Patient.extension('" + ParticipantFhirUrls.PROGRAM_STATUS + "')");
        assertThat(Db.count(ds, "select count(*) from patient where id = ? and version = 0", UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void aSearchsetOfPatientsValidates() {
        String family = Api.uniqueFamilyName();
        as("scheduler", STAFF).body(json(newPatient(Api.uniqueMrn(), family))).post(BASE + "/Patient").then().statusCode(201);
        Bundle bundle = bundle(as("clinician", STAFF).queryParam("family", family).get(BASE + "/Patient"));
        assertThat(matches(bundle)).hasSize(1);
        assertValid(bundle, null);
    }
}
