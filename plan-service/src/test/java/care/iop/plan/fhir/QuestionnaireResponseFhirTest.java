package care.iop.plan.fhir;

import static care.iop.plan.fhir.FhirApi.bundle;
import static care.iop.plan.fhir.FhirApi.clinician;
import static care.iop.plan.fhir.FhirApi.get;
import static care.iop.plan.fhir.FhirApi.issue;
import static care.iop.plan.fhir.FhirApi.matches;
import static care.iop.plan.fhir.FhirApi.post;
import static care.iop.plan.fhir.FhirApi.resource;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ValidFhir;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Recording a score by a QuestionnaireResponse: the same scoring, safety flag and event as the JSON endpoint, the
 * Observation derived from it, and every refusal an OperationOutcome naming the element with nothing stored or published.
 */
@QuarkusTest
class QuestionnaireResponseFhirTest {
    static final String PHQ9 = "http://loinc.org/q/44249-1";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    UUID patient;

    @BeforeEach
    void patient() {
        patient = new PlanFixtures(bootstrap, ds).patientAndClinician()[0];
    }

    /** A completed response of {@code questionnaire} for the test's patient with these answers (items 1..n in order). */
    String response(String questionnaire, String authored, List<Integer> answers) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < answers.size(); i++) {
            items.append(i == 0 ? "" : ",").append("{\"linkId\":\"").append(i + 1).append("\",\"answer\":[{\"valueInteger\":")
                    .append(answers.get(i)).append("}]}");
        }
        return "{\"resourceType\":\"QuestionnaireResponse\",\"questionnaire\":\"" + questionnaire + "\",\"status\":\"completed\","
                + "\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"authored\":\"" + authored + "\",\"item\":[" + items + "]}";
    }

    @Test
    void aPhq9IsRecordedScoredAndReadBackAsResponseAndObservation() {
        Response created = post(clinician(), "/QuestionnaireResponse", response(PHQ9, "2026-12-01T10:00:00-05:00",
                List.of(1, 2, 0, 1, 1, 0, 2, 1, 0)));

        assertThat(created.statusCode()).isEqualTo(201);
        QuestionnaireResponse recorded = resource(created, QuestionnaireResponse.class);
        String id = recorded.getIdPart();
        assertThat(created.header("Location")).endsWith("/fhir/R4/QuestionnaireResponse/" + id + "/_history/0");
        assertThat(created.header("ETag")).isEqualTo("W/\"0\"");
        assertThat(recorded.getItem()).hasSize(9);
        ValidFhir.assertValid(recorded);
        assertThat(FhirApi.rows(ds, "select count(*) from assessment where id = ? and patient_id = ? and total = 8 and band = 'MILD'"
                + " and source = 'CLINICIAN'", UUID.fromString(id), patient)).isEqualTo(1);
        assertThat(FhirApi.rows(ds, "select count(*) from safety_flag where patient_id = ?", patient)).isZero();

        Observation observation = resource(get(clinician(), "/Observation/" + id), Observation.class);
        assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo("44261-6");
        assertThat(observation.getValueIntegerType().getValue()).isEqualTo(8);
        assertThat(observation.getDerivedFromFirstRep().getReference()).isEqualTo("QuestionnaireResponse/" + id);
        ValidFhir.assertValid(observation);
        QuestionnaireResponse read = resource(get(clinician(), "/QuestionnaireResponse/" + id), QuestionnaireResponse.class);
        assertThat(read.getAuthored()).isEqualTo(recorded.getAuthored());
        ValidFhir.assertValid(read);
        // the JSON API sees the same assessment
        PlanFixtures.get("clinician", "/api/v1/assessments/" + id).statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(8)).body("instrument", org.hamcrest.Matchers.equalTo("PHQ9"));
    }

    @Test
    void itemNineRaisesASafetyFlagWithItsEventAndFlag() {
        Response created = post(clinician(), "/QuestionnaireResponse", response(PHQ9, "2026-12-01T10:00:00Z",
                List.of(0, 0, 0, 0, 0, 0, 0, 0, 2)));
        String id = resource(created, QuestionnaireResponse.class).getIdPart();

        TopicReader reader = new TopicReader(bootstrap);
        var event = await().atMost(EVENT_TIMEOUT).until(() -> reader.readByKey(Topics.PLANS, patient).stream()
                .filter(r -> EventTypes.SAFETY_FLAG_RAISED.equals(header(r, "ce_type"))).findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(event.value()).contains(id);
        Bundle flags = bundle(get(clinician(), "/Flag?patient=" + patient + "&status=active"));
        assertThat(flags.getTotal()).isEqualTo(1);
        Flag flag = matches(flags, Flag.class).get(0);
        assertThat(((Reference) flag.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/flag-detail").getValue()).getReference())
                .isEqualTo("Observation/" + id);
        ValidFhir.assertValid(flag);
    }

    @Test
    void aDast10IsScoredWithItsReverseScoredItem() {
        Response created = post(clinician(), "/QuestionnaireResponse", response("http://loinc.org/q/82666-9", "2026-12-01T10:00:00Z",
                List.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 1)));
        String id = resource(created, QuestionnaireResponse.class).getIdPart();

        Observation observation = resource(get(clinician(), "/Observation/" + id), Observation.class);
        assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo("82667-7");
        assertThat(observation.getValueIntegerType().getValue()).isEqualTo(3);
        ValidFhir.assertValid(observation);
    }

    @Test
    void aPatientRecordsItsOwnSelfReportOnly() {
        String own = FhirApi.patient(patient, "patient/QuestionnaireResponse.cr patient/Observation.r");
        Response created = post(own, "/QuestionnaireResponse", response(PHQ9, "2026-12-01T10:00:00Z", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)));

        assertThat(created.statusCode()).isEqualTo(201);
        QuestionnaireResponse recorded = resource(created, QuestionnaireResponse.class);
        assertThat(recorded.getAuthor().getReference()).isEqualTo("Patient/" + patient);
        assertThat(get(own, "/Observation/" + recorded.getIdPart()).statusCode()).isEqualTo(200);

        String someoneElse = FhirApi.patient(UUID.randomUUID(), "patient/QuestionnaireResponse.c");
        Response refused = post(someoneElse, "/QuestionnaireResponse", response(PHQ9, "2026-12-01T10:00:00Z", List.of(0, 0, 0, 0, 0, 0, 0, 0, 1)));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(FhirApi.rows(ds, "select count(*) from assessment where patient_id = ?", patient)).isEqualTo(1);
    }

    /** Each refusal: its status, the element it names, no assessment row, no event (item 9 is 1: a stored one would publish). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "answer out of range;\"linkId\":\"4\",\"answer\":[{\"valueInteger\":1;\"linkId\":\"4\",\"answer\":[{\"valueInteger\":5;400;QuestionnaireResponse.item[3].answer[0].value",
            "missing item;{\"linkId\":\"5\",\"answer\":[{\"valueInteger\":1}]},;;422;QuestionnaireResponse.item",
            "unknown linkId;\"linkId\":\"5\";\"linkId\":\"11\";422;QuestionnaireResponse.item[4].linkId",
            "boolean answer;\"linkId\":\"2\",\"answer\":[{\"valueInteger\":1};\"linkId\":\"2\",\"answer\":[{\"valueBoolean\":true};422;QuestionnaireResponse.item[1].answer",
            "unknown questionnaire;44249-1;11111-1;422;QuestionnaireResponse.questionnaire",
            "in progress;\"completed\";\"in-progress\";422;QuestionnaireResponse.status",
            "subject not a patient;\"Patient/;\"Group/;422;QuestionnaireResponse.subject.reference",
            "authored a day;2026-12-01T10:00:00Z;2026-12-01;422;QuestionnaireResponse.authored",
            "authored in the future;2026-12-01T10:00:00Z;2999-12-01T10:00:00Z;400;QuestionnaireResponse.authored",
            "unknown element;\"status\":;\"state\":\"x\",\"status\":;400;QuestionnaireResponse.state",
            "bad status code;\"completed\";\"finished\";400;QuestionnaireResponse.status" })
    void refusalsNameTheElementAndStoreNothing(String name, String from, String to, int status, String expression) {
        String body = response(PHQ9, "2026-12-01T10:00:00Z", List.of(1, 1, 1, 1, 1, 1, 1, 1, 1));
        assertThat(body).contains(from);

        Response refused = post(clinician(), "/QuestionnaireResponse", body.replace(from, to == null ? "" : to));

        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(status);
        assertThat(refused.contentType()).startsWith(FhirApi.FHIR_JSON);
        assertThat(issue(refused).getExpression()).extracting(e -> e.getValue()).contains(expression);
        assertThat(FhirApi.rows(ds, "select count(*) from assessment where patient_id = ?", patient)).isZero();
        assertThat(FhirApi.rows(ds, "select count(*) from safety_flag where patient_id = ?", patient)).isZero();
        assertThat(new TopicReader(bootstrap).readByKey(Topics.PLANS, patient)).isEmpty();
    }

    @Test
    void aBodyOfAnotherTypeOrNotJsonIs400() {
        assertThat(post(clinician(), "/QuestionnaireResponse", "{\"resourceType\":\"Patient\"}").statusCode()).isEqualTo(400);
        assertThat(post(clinician(), "/QuestionnaireResponse", "not json").statusCode()).isEqualTo(400);
        assertThat(FhirApi.rows(ds, "select count(*) from assessment where patient_id = ?", patient)).isZero();
    }
}
