package care.iop.session.fhir;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.Fhir;
import care.iop.testing.TestTokens;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** FHIR calls for the tests: tokens with SMART scopes, FHIR JSON bodies parsed with HAPI, every returned resource validated. */
public final class FhirFixtures {
    public static final String BASE = "/fhir/R4/";
    public static final String FHIR_JSON = "application/fhir+json";
    public static final String STAFF_SCOPES = "user/*.cruds";
    public static final String SYSTEM_SCOPES = "system/*.rs";

    private FhirFixtures() {
    }

    /** A token of {@code role} granting {@code scopes} (space-separated SMART scopes). */
    public static String token(String role, String scopes) {
        return "Bearer " + TestTokens.mint(role, "test-" + role, null, Map.of("scope", scopes));
    }

    /** A backend service outside the program (an EHR: role integration, client identity {@code recipient}) granting {@code scopes}. */
    public static String external(String recipient, String scopes) {
        return "Bearer " + TestTokens.mint("integration", recipient, null, Map.of("azp", recipient, "scope", scopes));
    }

    /** A patient's own token granting {@code scopes}. */
    public static String patientToken(UUID patientId, String scopes) {
        return "Bearer " + TestTokens.mint("patient", "test-patient-" + patientId, patientId, Map.of("scope", scopes));
    }

    public static RequestSpecification as(String authorization) {
        return given().header("Authorization", authorization).accept(FHIR_JSON);
    }

    public static RequestSpecification staff(String role) {
        return as(token(role, STAFF_SCOPES));
    }

    public static <R extends Resource> R parse(Class<R> type, ExtractableResponse<Response> response) {
        return Fhir.json().parseResource(type, response.asString());
    }

    /** A searchset, each of its resources validated (US Core Encounter for Encounters). */
    public static Bundle bundle(ExtractableResponse<Response> response) {
        Bundle bundle = parse(Bundle.class, response);
        bundle.getEntry().forEach(entry -> SessionFhirValidation.validAsServed(entry.getResource()));
        return bundle;
    }

    /** The ids of the entries of a searchset that are matches (not includes), in order. */
    public static List<String> matchIds(Bundle bundle) {
        return bundle.getEntry().stream().filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
                .map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }

    public static List<Resource> includes(Bundle bundle) {
        return bundle.getEntry().stream().filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
                .map(Bundle.BundleEntryComponent::getResource).toList();
    }

    /** The first issue's expression of an OperationOutcome answer (null when none). */
    public static String expression(ExtractableResponse<Response> response) {
        OperationOutcome outcome = parse(OperationOutcome.class, response);
        var issue = outcome.getIssueFirstRep();
        return issue.getExpression().isEmpty() ? null : issue.getExpression().get(0).getValue();
    }

    /** A booking request: the patient in the Slot of {@code sessionId}. */
    public static Appointment seatRequest(String sessionId, UUID patientId) {
        Appointment appointment = new Appointment();
        appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.addSlot().setReference("Slot/" + sessionId);
        appointment.addParticipant().setActor(new org.hl7.fhir.r4.model.Reference("Patient/" + patientId))
                .setStatus(Appointment.ParticipationStatus.NEEDSACTION);
        return appointment;
    }

    public static String json(Resource resource) {
        return Fhir.json().encodeResourceToString(resource);
    }

    /** Books through FHIR; returns the answer for the caller to check. */
    public static ExtractableResponse<Response> book(String role, Appointment request) {
        return as(token(role, STAFF_SCOPES)).contentType(FHIR_JSON).body(json(request)).when().post(BASE + "Appointment").then().extract();
    }
}
