package care.iop.participant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import care.iop.testing.TestTokens;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Request builders and test data shared by this module's tests; every call makes fresh data. */
public final class Api {
    public static final String PATIENTS = "/api/v1/patients";
    public static final String CLINICIANS = "/api/v1/clinicians";
    public static final String MRN = "urn:example:mrn";

    private Api() {
    }

    public static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType("application/json");
    }

    public static RequestSpecification asPatient(UUID patientId) {
        return given().header("Authorization", "Bearer " + TestTokens.patient(patientId)).contentType("application/json");
    }

    public static String uniqueMrn() {
        return "MRN-" + UUID.randomUUID();
    }

    /** A valid patient body of the ADULT_SUD track (a Part 2 patient) with a fresh MRN and family name; admission date optional. */
    public static String patientBody(String mrn, String familyName, String admissionDate) {
        return patientBody(mrn, familyName, admissionDate, "ADULT_SUD");
    }

    /** A valid patient body of the given track; admission date optional. */
    public static String patientBody(String mrn, String familyName, String admissionDate, String track) {
        return """
                {"identifiers":[{"system":"urn:example:mrn","value":"%s"}],
                 "givenName":"Ana","familyName":"%s","birthDate":"1990-04-02","gender":"female",
                 "track":"%s","levelOfCare":"2.1","phone":"+1-555-0100","email":"ana@example.org"%s}"""
                .formatted(mrn, familyName, track, admissionDate == null ? "" : ",\"admissionDate\":\"" + admissionDate + "\"");
    }

    public static String uniqueFamilyName() {
        return "Diaz" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Registers an ACTIVE patient as a scheduler; returns its id. */
    public static UUID newPatient() {
        return UUID.fromString(as("scheduler").body(patientBody(uniqueMrn(), uniqueFamilyName(), "2026-01-05"))
                .when().post(PATIENTS).then().statusCode(201).extract().path("id"));
    }

    public static String etag(String path) {
        return as("admin").when().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** A valid NPI (Luhn with prefix 80840) that no other test uses, most likely. */
    public static String uniqueNpi() {
        String nine = String.valueOf(100_000_000 + (long) (Math.random() * 899_999_999L));
        for (int check = 0; check <= 9; check++) {
            String npi = nine + check;
            if (care.iop.participant.service.Npi.Validator.isValidNpi(npi)) {
                return npi;
            }
        }
        throw new IllegalStateException("no check digit fits " + nine);
    }

    public static String clinicianBody(String npi, String familyName) {
        return """
                {"npi":"%s","givenName":"Sam","familyName":"%s","credentials":["LCSW"],"canLeadGroups":true,"maxCaseload":25}"""
                .formatted(npi, familyName);
    }

    public static UUID newClinician() {
        return UUID.fromString(as("scheduler").body(clinicianBody(uniqueNpi(), "Lee" + UUID.randomUUID().toString().substring(0, 8)))
                .when().post(CLINICIANS).then().statusCode(201).extract().path("id"));
    }

    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String field) {
        response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", containsString("https://iop.care/problems/"))
                .body("status", equalTo(status))
                .body("detail", notNullValue());
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }
        return response;
    }
}
