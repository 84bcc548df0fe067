package care.iop.participant;

import static care.iop.participant.Api.CLINICIANS;
import static care.iop.participant.Api.PATIENTS;
import static care.iop.participant.Api.as;
import static care.iop.participant.Api.asPatient;
import static care.iop.participant.Api.assertProblem;
import static care.iop.participant.Api.clinicianBody;
import static care.iop.participant.Api.patientBody;
import static care.iop.participant.Api.uniqueFamilyName;
import static care.iop.participant.Api.uniqueMrn;
import static care.iop.participant.Api.uniqueNpi;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Every endpoint called by every role: allowed roles get the success status, others 403; patients see only their own data. */
@QuarkusTest
class RoleMatrixTest {
    private static final String ADMIN = "admin";
    private static final String SCHEDULER = "scheduler";
    private static final String CLINICIAN = "clinician";
    private static final String INTEGRATION = "integration";
    private static final String PATIENT = "patient";
    private static final List<String> ROLES = List.of(ADMIN, SCHEDULER, CLINICIAN, INTEGRATION, PATIENT);

    /**
     * Fresh data for one call: a patient (with one active consent) and a clinician, both created by an admin. The
     * patient is not a Part 2 patient: Part2MatrixTest covers the consent rule for callers outside the program.
     */
    record Fixture(UUID patientId, String mrn, UUID consentId, UUID clinicianId, String npi) {
        static Fixture create() {
            String mrn = uniqueMrn();
            UUID patientId = UUID.fromString(as(ADMIN).body(patientBody(mrn, "Diaz", "2026-01-05", "ADULT_MH")).when().post(PATIENTS)
                    .then().statusCode(201).extract().path("id"));
            UUID consentId = UUID.fromString(as(ADMIN).body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2026-01-05\"}")
                    .when().post(PATIENTS + "/" + patientId + "/consents").then().statusCode(201).extract().path("id"));
            String npi = uniqueNpi();
            UUID clinicianId = UUID.fromString(as(ADMIN).body(clinicianBody(npi, "Lee")).when().post(CLINICIANS)
                    .then().statusCode(201).extract().path("id"));
            return new Fixture(patientId, mrn, consentId, clinicianId, npi);
        }

        String patient() {
            return PATIENTS + "/" + patientId;
        }
    }

    record Endpoint(String name, int success, Set<String> roles, boolean patientReadsOwn,
                    BiFunction<RequestSpecification, Fixture, Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Set<String> roles(String... roles) {
        return Set.copyOf(Arrays.asList(roles));
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST /patients", 201, roles(ADMIN, SCHEDULER, CLINICIAN, INTEGRATION), false,
                    (r, f) -> r.body(patientBody(uniqueMrn(), uniqueFamilyName(), null)).post(PATIENTS)),
            new Endpoint("GET /patients/{id}", 200, roles(ADMIN, SCHEDULER, CLINICIAN, INTEGRATION, PATIENT), true,
                    (r, f) -> r.get(f.patient())),
            new Endpoint("PUT /patients/{id}", 200, roles(ADMIN, SCHEDULER, CLINICIAN, INTEGRATION), false,
                    (r, f) -> r.header("If-Match", "\"1\"").body(patientBody(f.mrn(), "Changed", "2026-01-05", "ADULT_MH")).put(f.patient())),
            new Endpoint("GET /patients", 200, roles(ADMIN, SCHEDULER, CLINICIAN, INTEGRATION), false,
                    (r, f) -> r.queryParam("identifier", Api.MRN + "|" + f.mrn()).get(PATIENTS)),
            new Endpoint("POST /patients/{id}/discharge", 200, roles(ADMIN, SCHEDULER, CLINICIAN, INTEGRATION), false,
                    (r, f) -> r.body("{\"reason\":\"Completed\",\"date\":\"2026-02-20\"}").post(f.patient() + "/discharge")),
            new Endpoint("GET /patients/{id}/preferences", 200, roles(ADMIN, SCHEDULER, CLINICIAN, PATIENT), true,
                    (r, f) -> r.get(f.patient() + "/preferences")),
            new Endpoint("PUT /patients/{id}/preferences", 200, roles(ADMIN, SCHEDULER, CLINICIAN), false,
                    (r, f) -> r.body("{\"groupComfort\":\"HESITANT\",\"preferredModality\":\"GROUP\"}").put(f.patient() + "/preferences")),
            new Endpoint("GET /patients/{id}/preferences/history", 200, roles(ADMIN, SCHEDULER, CLINICIAN, PATIENT), true,
                    (r, f) -> r.get(f.patient() + "/preferences/history")),
            new Endpoint("POST /patients/{id}/consents", 201, roles(ADMIN, SCHEDULER, CLINICIAN), false,
                    (r, f) -> r.body("{\"kind\":\"GROUP_PARTICIPATION\",\"signedOn\":\"2026-01-05\"}").post(f.patient() + "/consents")),
            new Endpoint("GET /patients/{id}/consents", 200, roles(ADMIN, SCHEDULER, CLINICIAN, PATIENT), true,
                    (r, f) -> r.get(f.patient() + "/consents")),
            new Endpoint("POST /patients/{id}/consents/{consentId}/revoke", 200, roles(ADMIN, SCHEDULER, CLINICIAN), false,
                    (r, f) -> r.body("{}").post(f.patient() + "/consents/" + f.consentId() + "/revoke")),
            new Endpoint("POST /clinicians", 201, roles(ADMIN, SCHEDULER, CLINICIAN), false,
                    (r, f) -> r.body(clinicianBody(uniqueNpi(), "Lee")).post(CLINICIANS)),
            new Endpoint("GET /clinicians/{id}", 200, roles(ADMIN, SCHEDULER, CLINICIAN), false,
                    (r, f) -> r.get(CLINICIANS + "/" + f.clinicianId())),
            new Endpoint("PUT /clinicians/{id}", 200, roles(ADMIN, SCHEDULER, CLINICIAN), false,
                    (r, f) -> r.header("If-Match", "\"0\"").body(clinicianBody(f.npi(), "Changed")).put(CLINICIANS + "/" + f.clinicianId())),
            new Endpoint("GET /clinicians", 200, roles(ADMIN, SCHEDULER, CLINICIAN), false,
                    (r, f) -> r.queryParam("npi", f.npi()).get(CLINICIANS)),
            new Endpoint("GET /audit", 200, roles(ADMIN), false,
                    (r, f) -> r.queryParam("patientId", f.patientId()).get("/api/v1/audit")));

    static Stream<Arguments> everyEndpointAndRole() {
        return ENDPOINTS.stream().flatMap(e -> ROLES.stream().map(role -> Arguments.of(e, role)));
    }

    static Stream<Endpoint> patientReadable() {
        return ENDPOINTS.stream().filter(Endpoint::patientReadsOwn);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndRole")
    void roleGetsSuccessOr403(Endpoint endpoint, String role) {
        Fixture fixture = Fixture.create();
        RequestSpecification request = PATIENT.equals(role) ? asPatient(fixture.patientId()) : as(role);
        Response response = endpoint.call().apply(request.when(), fixture);
        if (endpoint.roles().contains(role)) {
            response.then().statusCode(endpoint.success());
        } else {
            assertProblem(response.then(), 403, null);
        }
    }

    @ParameterizedTest(name = "{0}: another patient's id")
    @MethodSource("patientReadable")
    void patientAskingForAnotherPatientGets404(Endpoint endpoint) {
        Fixture other = Fixture.create();
        UUID me = Fixture.create().patientId();
        assertProblem(endpoint.call().apply(asPatient(me).when(), other).then(), 404, null);
        assertProblem(endpoint.call().apply(asPatient(me).when(),
                new Fixture(UUID.randomUUID(), other.mrn(), other.consentId(), other.clinicianId(), other.npi())).then(), 404, null);
    }

    @ParameterizedTest(name = "{0}: no token")
    @MethodSource("patientReadable")
    void anonymousIs401(Endpoint endpoint) {
        assertProblem(endpoint.call().apply(io.restassured.RestAssured.given().contentType("application/json").when(), Fixture.create()).then(), 401, null);
    }
}
