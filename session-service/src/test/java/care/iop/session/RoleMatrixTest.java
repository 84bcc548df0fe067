package care.iop.session;

import static care.iop.session.Fixtures.book;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.futureMorning;
import static care.iop.session.Fixtures.group;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Which role may call which endpoint: 403 where the role is not allowed, never 403 where it is. */
@QuarkusTest
class RoleMatrixTest {
    static final List<String> ROLES = List.of("admin", "clinician", "scheduler", "integration", "patient");

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(bootstrap, ds);
    }

    record Call(String method, String path, String body, List<String> allowed) {
    }

    private int status(String role, Call call) {
        RequestSpecification request = given().header("Authorization", "Bearer " + TestTokens.mint(role, "matrix-" + role, UUID.randomUUID()))
                .header("If-Match", "\"999\"").contentType("application/json");
        if (call.body() != null) {
            request.body(call.body());
        }
        return request.when().request(call.method(), call.path()).then().extract().statusCode();
    }

    @Test
    void everyEndpointAllowsExactlyItsRoles() {
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, null));
        String patient = UUID.randomUUID().toString();
        String booking = "{\"patientId\":\"" + patient + "\"}";
        String staffWrite = "{}";
        UUID note = UUID.randomUUID();
        List<Call> calls = List.of(
                new Call("POST", "/api/v1/sessions", staffWrite, List.of("admin", "clinician", "scheduler")),
                new Call("GET", "/api/v1/sessions", null, List.of("admin", "clinician", "scheduler", "integration")),
                new Call("GET", "/api/v1/sessions/" + session, null, ROLES),
                new Call("PUT", "/api/v1/sessions/" + session, staffWrite, List.of("admin", "clinician", "scheduler")),
                new Call("POST", "/api/v1/sessions/" + session + "/cancel", staffWrite, List.of("admin", "clinician", "scheduler")),
                new Call("POST", "/api/v1/sessions/" + session + "/participants", booking, List.of("admin", "clinician", "scheduler")),
                new Call("GET", "/api/v1/sessions/" + session + "/participants", null, List.of("admin", "clinician", "scheduler", "integration")),
                new Call("DELETE", "/api/v1/sessions/" + session + "/participants/" + patient, null, List.of("admin", "clinician", "scheduler", "patient")),
                new Call("PUT", "/api/v1/sessions/" + session + "/attendance", staffWrite, List.of("admin", "clinician")),
                new Call("GET", "/api/v1/sessions/" + session + "/attendance", null, List.of("admin", "clinician", "scheduler", "integration")),
                new Call("POST", "/api/v1/session-series", staffWrite, List.of("admin", "clinician", "scheduler")),
                new Call("GET", "/api/v1/session-series/" + UUID.randomUUID(), null, List.of("admin", "clinician", "scheduler", "integration")),
                new Call("POST", "/api/v1/session-series/" + UUID.randomUUID() + "/participants", booking, List.of("admin", "clinician", "scheduler")),
                new Call("GET", "/api/v1/schedules/patients/" + patient, null, ROLES),
                new Call("GET", "/api/v1/schedules/clinicians/" + UUID.randomUUID(), null, List.of("admin", "clinician", "scheduler", "integration")),
                new Call("POST", "/api/v1/sessions/" + session + "/notes", staffWrite, List.of("admin", "clinician")),
                new Call("GET", "/api/v1/sessions/" + session + "/notes", null, List.of("admin", "clinician")),
                new Call("GET", "/api/v1/notes/" + note, null, List.of("admin", "clinician")),
                new Call("PUT", "/api/v1/notes/" + note, staffWrite, List.of("admin", "clinician")),
                new Call("POST", "/api/v1/notes/" + note + "/signatures", null, List.of("admin", "clinician")),
                new Call("POST", "/api/v1/notes/" + note + "/addenda", staffWrite, List.of("admin", "clinician")),
                new Call("POST", "/api/v1/notes/" + note + "/addenda/1/signatures", null, List.of("admin", "clinician")),
                new Call("POST", "/api/v1/notes/" + note + "/entered-in-error", staffWrite, List.of("admin", "clinician")),
                new Call("GET", "/api/v1/notes/overdue", null, List.of("admin", "clinician")),
                new Call("GET", "/api/v1/notes/overdue/counts", null, List.of("admin", "clinician")),
                new Call("GET", "/api/v1/audit", null, List.of("admin")));
        for (Call call : calls) {
            for (String role : ROLES) {
                int status = status(role, call);
                if (call.allowed().contains(role)) {
                    assertThat(status).as(role + " " + call.method() + " " + call.path()).isNotIn(401, 403, 500);
                } else {
                    assertThat(status).as(role + " " + call.method() + " " + call.path()).isEqualTo(403);
                }
            }
            given().contentType("application/json").when().request(call.method(), call.path()).then().statusCode(401);
        }
    }

    @Test
    void patientDataAccessIsAudited() {
        UUID patient = fx.eligibleGroupPatient();
        String session = createSession(group(fx.groupLeader(), futureMorning(), 60, null));
        book(session, patient).statusCode(201);
        given().header("Authorization", Fixtures.auth("clinician")).when().get("/api/v1/sessions/" + session + "/participants").then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.patient(patient)).when().get("/api/v1/schedules/patients/" + patient).then().statusCode(200);
        assertThat(fx.count("select count(*) from audit_event where patient_id = ? and action = 'CREATE' and resource_type = 'Booking' and subject = 'test-scheduler'", patient)).isEqualTo(1);
        assertThat(fx.count("select count(*) from audit_event where patient_id = ? and action = 'READ' and resource_type = 'Booking' and subject = 'test-clinician'", patient)).isEqualTo(1);
        assertThat(fx.count("select count(*) from audit_event where patient_id = ? and action = 'READ' and resource_type = 'PatientSchedule'", patient)).isEqualTo(1);
        given().header("Authorization", Fixtures.auth("admin")).queryParam("patientId", patient.toString()).when().get("/api/v1/audit").then()
                .statusCode(200).body("total", greaterThanOrEqualTo(3));
        // a refused booking leaves no success entry
        Fixtures.post("scheduler", "/api/v1/sessions/" + session + "/participants", Map.of("patientId", patient.toString())).statusCode(409);
        assertThat(fx.count("select count(*) from audit_event where patient_id = ? and action = 'CREATE'", patient)).isEqualTo(1);
        given().header("Authorization", Fixtures.auth("integration")).contentType("application/json").body("{}")
                .when().post("/api/v1/sessions").then().statusCode(403).body("status", equalTo(403));
        assertThat(fx.count("select count(*) from audit_event where outcome = 'DENIED' and subject = 'test-integration'")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void listsCancellationsAndRefusedLookupsOfPatientDataAreAuditedToo() {
        UUID patient = fx.eligibleGroupPatient();
        UUID clinician = fx.clinician(false);
        createSession(Fixtures.individual("INDIVIDUAL", clinician, patient, futureMorning(), 53));
        // a clinician's list shows the patient of an individual session although no patient was asked for
        given().header("Authorization", Fixtures.auth("scheduler")).queryParam("clinicianId", clinician.toString())
                .when().get("/api/v1/sessions").then().statusCode(200).body("total", equalTo(1));
        assertThat(fx.count("select count(*) from audit_event where patient_id = ? and action = 'SEARCH' and subject = 'test-scheduler'", patient))
                .isEqualTo(1);

        String group = createSession(group(fx.groupLeader(), futureMorning(), 60, null));
        book(group, patient).statusCode(201);
        Fixtures.post("scheduler", "/api/v1/sessions/" + group + "/cancel", Map.of("reason", "Clinician ill")).statusCode(200);
        assertThat(fx.count("select count(*) from audit_event where patient_id = ? and action = 'UPDATE' and resource_type = 'Booking' and resource_id = ?",
                patient, group)).isEqualTo(1);

        UUID other = UUID.randomUUID();
        given().header("Authorization", "Bearer " + TestTokens.patient(other)).when().get("/api/v1/schedules/patients/" + patient)
                .then().statusCode(404);
        assertThat(fx.count("select count(*) from audit_event where patient_id = ? and outcome = 'DENIED' and subject = ?",
                patient, "test-patient-" + other)).isEqualTo(1);
    }
}
