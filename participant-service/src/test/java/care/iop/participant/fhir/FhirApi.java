package care.iop.participant.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.Fhir;
import care.iop.testing.TestTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** FHIR requests for this module's tests: tokens with SMART scopes, FHIR JSON bodies parsed with HAPI. */
final class FhirApi {
    static final String BASE = "/fhir/R4";
    static final String FHIR_JSON = "application/fhir+json";

    private FhirApi() {
    }

    /** A caller of {@code role} whose token grants {@code scope} (space-separated; null: no scope claim). */
    static RequestSpecification as(String role, String scope) {
        return with(TestTokens.mint(role, "test-" + role, null, scope == null ? Map.of() : Map.of("scope", scope)));
    }

    static RequestSpecification asPatient(UUID patientId, String scope) {
        return with(TestTokens.mint("patient", "test-patient-" + patientId, patientId, Map.of("scope", scope)));
    }

    /** A caller outside the program: client identity {@code client} (claim azp). */
    static RequestSpecification asExternal(String client, String scope) {
        return with(TestTokens.mint("integration", "test-" + client, null, Map.of("scope", scope, "azp", client)));
    }

    static RequestSpecification with(String token) {
        return given().header("Authorization", "Bearer " + token).accept(FHIR_JSON).contentType(FHIR_JSON);
    }

    static String json(Resource resource) {
        return Fhir.json().encodeResourceToString(resource);
    }

    @SuppressWarnings("unchecked")
    static <R extends Resource> R parse(Class<R> type, Response response) {
        return (R) Fhir.json().parseResource(type, response.asString());
    }

    static Bundle bundle(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return parse(Bundle.class, response);
    }

    /** The ids of a bundle's entries of search mode {@code match}. */
    static List<String> matches(Bundle bundle) {
        return bundle.getEntry().stream().filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
                .map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }

    /** Asserts an OperationOutcome of {@code status} whose (first) issue names {@code expression} (null: any or none). */
    static OperationOutcome assertOutcome(Response response, int status, String expression) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(FHIR_JSON);
        OperationOutcome outcome = parse(OperationOutcome.class, response);
        assertThat(outcome.getIssue()).isNotEmpty();
        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        if (expression != null) {
            assertThat(outcome.getIssue().stream().flatMap(i -> i.getExpression().stream()).map(e -> e.getValue()).toList())
                    .as(response.asString()).contains(expression);
        }
        return outcome;
    }

    /** Asserts the resource validates against R4 and {@code profile} (null: R4 only). */
    static void assertValid(Resource resource, String profile) {
        assertThat(ParticipantValidation.problems(resource, profile)).as(json(resource)).isEmpty();
    }
}
