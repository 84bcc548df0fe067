package care.iop.session;

import static care.iop.session.Fixtures.auth;
import static care.iop.session.Fixtures.book;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.futureMorning;
import static care.iop.session.Fixtures.group;
import static care.iop.session.Fixtures.startedAnHourAgo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * Read-modify-write (docs/gateway.md): PUT /sessions/{id} and PUT /sessions/{id}/attendance accept the body their GET
 * returned; a read-only field that differs is 400 naming it (version: 412) and changes nothing; unknown fields stay 400.
 */
@QuarkusTest
class ReadModifyWriteTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(bootstrap, ds);
    }

    private static Response get(String path) {
        Response response = given().header("Authorization", auth("clinician")).when().get(path);
        response.then().statusCode(200);
        return response;
    }

    private static ObjectNode body(Response read) throws Exception {
        return (ObjectNode) JSON.readTree(read.asString());
    }

    private static ValidatableResponse put(String path, String etag, ObjectNode body) {
        var request = given().header("Authorization", auth("clinician")).contentType("application/json").body(body.toString());
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.when().put(path).then();
    }

    @Test
    void aSessionReadCanBePutBackWithANewPlace() throws Exception {
        String path = "/api/v1/sessions/" + createSession(group(fx.groupLeader(), futureMorning(), 180, 10));
        Response read = get(path);

        put(path, read.header("ETag"), body(read).put("location", "Room B")).statusCode(200)
                .body("location", equalTo("Room B")).body("version", equalTo(1));
    }

    @Test
    void aSessionsChangedReadOnlyFieldsAre400StaleVersion412UnknownField400() throws Exception {
        String path = "/api/v1/sessions/" + createSession(group(fx.groupLeader(), futureMorning(), 180, 10));
        Response read = get(path);
        String etag = read.header("ETag");

        put(path, etag, body(read).put("status", "cancelled").put("booked", 5).put("location", "Room C")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("booked", "status"));
        put(path, etag, body(read).put("version", 9)).statusCode(412).contentType("application/problem+json");
        put(path, etag, body(read).put("room", "C")).statusCode(400).body("errors.field", hasItem("room"));
        get(path).then().body("version", equalTo(0)).body("location", equalTo(body(read).get("location").asText()));
    }

    @Test
    void attendanceReadCanBePutBackAndItsBillingCodesAreReadOnly() throws Exception {
        String session = createSession(group(fx.groupLeader(), startedAnHourAgo(), 180, null));
        UUID first = fx.eligibleGroupPatient();
        UUID second = fx.eligibleGroupPatient();
        List.of(first, second).forEach(p -> book(session, p).statusCode(201));
        String path = "/api/v1/sessions/" + session + "/attendance";
        ObjectNode initial = (ObjectNode) JSON.valueToTree(Map.of("attendees", List.of(
                Map.of("patientId", first.toString(), "status", "ATTENDED", "minutesAttended", 180),
                Map.of("patientId", second.toString(), "status", "NO_SHOW", "minutesAttended", 0))));
        put(path, null, initial).statusCode(200);

        ObjectNode read = body(get(path)).put("groupNote", "Covered coping plans");
        put(path, null, read).statusCode(200).body("groupNote", equalTo("Covered coping plans")).body("presentCount", equalTo(1));

        ObjectNode forged = body(get(path));
        ((ObjectNode) forged.get("attendees").get(0)).put("billingCode", "90837");
        forged.put("presentCount", 2);
        put(path, null, forged).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("attendees[0].billingCode", "presentCount"));
        ObjectNode unknown = body(get(path));
        ((ObjectNode) unknown.get("attendees").get(0)).put("mood", "calm");
        put(path, null, unknown).statusCode(400).body("errors.field", hasItem("attendees[0].mood"));
        get(path).then().body("groupNote", equalTo("Covered coping plans"));
    }
}
