package care.iop.plan.fhir;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.Fhir;
import care.iop.plan.rest.PlanApiExamples;
import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TestTokens;
import io.restassured.response.Response;

/** The FHIR faces as a client sees them: tokens with SMART scopes, requests under /fhir/R4, and their bodies parsed by HAPI. */
final class FhirApi {
    static final String BASE = "/fhir/R4";
    static final String FHIR_JSON = "application/fhir+json";
    static final String STAFF_SCOPES = "user/*.cruds";

    private FhirApi() {
    }

    /** {@code Authorization} of a {@code role} token granting {@code scopes}, with a subject of its own (to find its audit rows). */
    static String token(String role, String scopes) {
        return token(role, scopes, null, Map.of());
    }

    static String clinician() {
        return token("clinician", STAFF_SCOPES);
    }

    static String patient(UUID patientId, String scopes) {
        return token("patient", scopes, patientId, Map.of());
    }

    /** An EHR outside the program (role integration) named {@code azp}, with backend scopes. */
    static String ehr(String azp, String scopes) {
        return token("integration", scopes, null, Map.of("azp", azp));
    }

    static String token(String role, String scopes, UUID patientId, Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        if (scopes != null) {
            all.put("scope", scopes);
        }
        return "Bearer " + TestTokens.mint(role, "fhir-" + role + "-" + UUID.randomUUID(), patientId, all);
    }

    static Response get(String authorization, String path) {
        return given().header("Authorization", authorization).accept(FHIR_JSON).when().get(BASE + path);
    }

    static Response post(String authorization, String path, String body) {
        return given().header("Authorization", authorization).accept(FHIR_JSON).contentType(FHIR_JSON).body(body).when().post(BASE + path);
    }

    static <R extends Resource> R resource(Response response, Class<R> type) {
        return Fhir.json().parseResource(type, response.asString());
    }

    static Bundle bundle(Response response) {
        return resource(response, Bundle.class);
    }

    /** The matches of a searchset, of one type. */
    static <R extends Resource> List<R> matches(Bundle bundle, Class<R> type) {
        return bundle.getEntry().stream().filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
                .map(e -> type.cast(e.getResource())).toList();
    }

    static List<Resource> included(Bundle bundle) {
        return bundle.getEntry().stream().filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
                .map(Bundle.BundleEntryComponent::getResource).toList();
    }

    /** The one issue of an OperationOutcome answer. */
    static OperationOutcome.OperationOutcomeIssueComponent issue(Response response) {
        return resource(response, OperationOutcome.class).getIssueFirstRep();
    }

    /** The link of a searchset with this relation, or null. */
    static String link(Bundle bundle, String relation) {
        return bundle.getLink(relation) == null ? null : bundle.getLink(relation).getUrl();
    }

    /** A structured plan (problem with a goal and three objectives, a plan-level goal whose id is no FHIR id, two interventions) of a new patient. */
    static String structuredPlan(PlanFixtures fixtures, UUID patientId, UUID clinicianId) {
        String body = PlanApiExamples.CREATE_STRUCTURED.replace("6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f", patientId.toString())
                .replace("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", clinicianId.toString())
                .replace("\"interventions\":[", "\"goals\":[{\"id\":\"goal_stay_sober\",\"description\":\"Stays sober\","
                        + "\"measure\":{\"instrument\":\"AUDIT\",\"target\":7}}],\"interventions\":[");
        return PlanFixtures.post("clinician", PlanFixtures.PLANS, body).statusCode(201).extract().path("id");
    }

    static long rows(DataSource ds, String sql, Object... args) {
        return care.iop.plan.support.ReadModelProbe.count(ds, sql, args);
    }
}
