package care.iop.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import care.iop.jwt.CachingJwtParser;
import care.iop.testing.IopTestInfrastructure;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.auth.principal.JWTParser;

@QuarkusTest
class ProblemAndSecurityTest {
    private static final String NOTES = "/api/v1/test-notes";

    @Inject
    AgroalDataSource ds;

    @Inject
    JWTParser parser;

    private ValidatableResponse post(String body) {
        return given().header("Authorization", TestTokens.bearer("clinician")).contentType("application/json").body(body)
                .when().post(NOTES).then();
    }

    private static void assertProblem(ValidatableResponse response, int status, String field) {
        response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", containsString("https://iop.care/problems/"))
                .body("title", notNullValue())
                .body("status", equalTo(status))
                .body("detail", notNullValue())
                .body("instance", notNullValue())
                .body(not(containsString("java.")))
                .body(not(containsString("Exception")));
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }
    }

    @Test
    void unknownFieldIs400NamingTheField() {
        long before = Db.count(ds, "select count(*) from note");
        assertProblem(post("{\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"x\",\"mood\":\"sad\"}"), 400, "mood");
        assertThat(Db.count(ds, "select count(*) from note")).isEqualTo(before);
        assertThat(Db.count(ds, "select count(*) from outbox")).isZero();
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        assertProblem(post("{\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"x\",\"count\":\"many\"}"), 400, "count");
        assertProblem(post("{\"patientId\":\"not-a-uuid\",\"text\":\"x\"}"), 400, "patientId");
        assertProblem(post("{\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"x\",\"kind\":\"DIARY\"}"), 400, "kind");
        assertProblem(post("{\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"x\",\"writtenOn\":\"yesterday\"}"), 400, "writtenOn");
    }

    @Test
    void unparseableBodyIs400() {
        assertProblem(post("{\"patientId\": "), 400, "body");
        assertProblem(post("[1,2"), 400, "body");
    }

    @Test
    void beanValidationIs400NamingNestedFields() {
        assertProblem(post("{\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"  \"}"), 400, "text");
        assertProblem(post("{\"text\":\"x\"}"), 400, "patientId");
        assertProblem(post("{\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"x\",\"writtenOn\":\"2999-01-01\"}"), 400, "writtenOn");
        assertProblem(post("{\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"x\",\"tags\":[{\"system\":\"s\",\"value\":\"\"}]}"), 400, "tags[0].value");
        assertProblem(post(""), 400, null);
    }

    @Test
    void badPathAndQueryParametersAre400() {
        ValidatableResponse badId = given().header("Authorization", TestTokens.bearer("admin")).when().get(NOTES + "/not-a-uuid").then();
        assertProblem(badId, 400, "id");
        assertProblem(given().header("Authorization", TestTokens.bearer("admin")).queryParam("page", -1).when().get(NOTES).then(), 400, "page");
        assertProblem(given().header("Authorization", TestTokens.bearer("admin")).queryParam("size", 1000).when().get(NOTES).then(), 400, "size");
        assertProblem(given().header("Authorization", TestTokens.bearer("admin")).queryParam("page", Integer.MAX_VALUE).when().get(NOTES).then(), 400, "page");
        assertProblem(given().header("Authorization", TestTokens.bearer("admin")).queryParam("size", "ten").when().get(NOTES).then(), 400, null);
    }

    @Test
    void missingResourceAndPathAre404AndWrongMethodIs405() {
        assertProblem(given().header("Authorization", TestTokens.bearer("admin")).when().get(NOTES + "/" + UUID.randomUUID()).then(), 404, null);
        assertProblem(given().header("Authorization", TestTokens.bearer("admin")).when().get("/api/v1/nothing-here").then(), 404, null);
        assertProblem(given().header("Authorization", TestTokens.bearer("admin")).when().delete(NOTES).then(), 405, null);
    }

    @Test
    void missingOrInvalidTokenIs401() {
        assertProblem(given().when().get(NOTES).then(), 401, null);
        given().when().get(NOTES).then().header("WWW-Authenticate", "Bearer");
        assertProblem(given().header("Authorization", "Bearer not.a.token").when().get(NOTES).then(), 401, null);
    }

    @Test
    void aRememberedTokenDoesNotOpenTheDoorToATamperedCopy() {
        assertThat(parser).isInstanceOf(CachingJwtParser.class);
        String token = TestTokens.forRole("clinician");
        given().header("Authorization", "Bearer " + token).when().get(NOTES).then().statusCode(200);
        given().header("Authorization", "Bearer " + token).when().get(NOTES).then().statusCode(200);

        String[] parts = token.split("\\.");
        String adminClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"clinician\"", "\"admin\"").getBytes());
        assertProblem(given().header("Authorization", "Bearer " + parts[0] + "." + adminClaims + "." + parts[2])
                .when().get(NOTES).then(), 401, null);
    }

    @Test
    void wrongRoleIs403AndIsAudited() {
        long denied = Db.count(ds, "select count(*) from audit_event where outcome = 'DENIED' and subject = 'test-scheduler'");
        assertProblem(given().header("Authorization", TestTokens.bearer("scheduler")).when().get(NOTES).then(), 403, null);
        assertThat(Db.count(ds, "select count(*) from audit_event where outcome = 'DENIED' and subject = 'test-scheduler'")).isEqualTo(denied + 1);
    }

    @Test
    void aPatientAskingForAnotherPatientsDataGets404AndTheAttemptIsAuditedAgainstThatPatient() {
        UUID owner = UUID.randomUUID();
        String id = given().header("Authorization", TestTokens.bearer("clinician")).contentType("application/json")
                .body("{\"patientId\":\"" + owner + "\",\"text\":\"private\"}").when().post(NOTES).then().statusCode(201)
                .extract().path("id");
        UUID intruder = UUID.randomUUID();
        assertProblem(given().header("Authorization", "Bearer " + TestTokens.patient(intruder)).when().get(NOTES + "/" + id).then(), 404, null);
        assertThat(Db.count(ds, "select count(*) from audit_event where outcome = 'DENIED' and patient_id = ? and resource_id = ? and subject = ?",
                owner, id, "test-patient-" + intruder)).isEqualTo(1);
        assertThat(Db.count(ds, "select count(*) from audit_event where outcome = 'SUCCESS' and action = 'READ' and resource_id = ?", id)).isZero();
        // the owner reads it
        given().header("Authorization", "Bearer " + TestTokens.patient(owner)).when().get(NOTES + "/" + id).then().statusCode(200);
    }

    @Test
    void endpointWithoutRoleDeclarationIsDeniedEvenToAdmin() {
        assertProblem(given().header("Authorization", TestTokens.bearer("admin")).when().get(NOTES + "/undeclared").then(), 403, null);
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        given().header("Authorization", TestTokens.bearer("admin")).header("X-Request-Id", "abc-123")
                .when().get(NOTES).then().statusCode(200).header("X-Request-Id", "abc-123");
        String generated = given().header("Authorization", TestTokens.bearer("admin")).when().get(NOTES).then()
                .statusCode(200).extract().header("X-Request-Id");
        assertThat(generated).matches("[0-9a-f-]{36}");
        given().when().get(NOTES).then().statusCode(401).header("X-Request-Id", notNullValue())
                .body("requestId", notNullValue());
    }

    @Test
    void locationNamesTheHostTheClientUsedBehindTheGateway() {
        given().header("Authorization", TestTokens.bearer("clinician")).header("X-Forwarded-Host", "api.iop.example")
                .header("X-Forwarded-Proto", "https").contentType("application/json")
                .body("{\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"forwarded\"}")
                .when().post(NOTES).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.startsWith("https://api.iop.example/api/v1/test-notes/"));
    }

    @Test
    void listsArePaginated() {
        given().header("Authorization", TestTokens.bearer("admin")).queryParam("page", 2).queryParam("size", 5)
                .when().get(NOTES).then().statusCode(200)
                .body("page", equalTo(2)).body("size", equalTo(5)).body("total", equalTo(0)).body("items.size()", equalTo(0));
    }

    @Test
    void patientDataAccessIsAuditedAndAdminsReadTheTrail() {
        UUID patientId = UUID.randomUUID();
        String id = given().header("Authorization", TestTokens.bearer("clinician")).header("X-Request-Id", "audit-req-1")
                .contentType("application/json").body("{\"patientId\":\"" + patientId + "\",\"text\":\"audited\"}")
                .when().post(NOTES).then().statusCode(201).extract().path("id");
        given().header("Authorization", TestTokens.bearer("admin")).when().get(NOTES + "/" + id).then().statusCode(200);

        given().header("Authorization", TestTokens.bearer("admin")).queryParam("patientId", patientId.toString())
                .when().get("/api/v1/audit").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].action", equalTo("CREATE"))
                .body("items[0].subject", equalTo("test-clinician"))
                .body("items[0].roles", equalTo("clinician"))
                .body("items[0].resourceType", equalTo("Note"))
                .body("items[0].resourceId", equalTo(id))
                .body("items[0].outcome", equalTo("SUCCESS"))
                .body("items[0].requestId", equalTo("audit-req-1"))
                .body("items[1].action", equalTo("READ"))
                .body("items[1].subject", equalTo("test-admin"));
        assertProblem(given().header("Authorization", TestTokens.bearer("clinician")).when().get("/api/v1/audit").then(), 403, null);
        assertProblem(given().header("Authorization", TestTokens.bearer("admin")).queryParam("from", "last week").when().get("/api/v1/audit").then(), 400, "from");
    }

    @Test
    void auditTrailIsAppendOnly() throws Exception {
        given().header("Authorization", TestTokens.bearer("admin")).when().get(NOTES + "/" + UUID.randomUUID()).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("scheduler")).when().get(NOTES).then().statusCode(403);
        // the service's role may not even try (AuditChainTest); the owner is stopped by the triggers
        try (Connection c = IopTestInfrastructure.ownerConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_event set outcome = 'SUCCESS'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_event")).hasMessageContaining("append-only");
        }
    }

    @Test
    void errorBodyOmitsErrorsArrayWhenNotValidation() {
        given().when().get(NOTES).then().statusCode(401).body("errors", nullValue());
    }
}
