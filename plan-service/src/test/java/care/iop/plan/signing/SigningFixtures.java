package care.iop.plan.signing;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.testing.TestTokens;
import care.iop.testing.TopicReader;
import io.restassured.response.ValidatableResponse;

/** Signing calls with the token of whoever signs, and what the tests look at afterwards. */
final class SigningFixtures {
    static final String PATIENT_IN_PERSON = "{\"role\":\"patient\",\"method\":\"in-person\",\"signerName\":\"Ana Diaz\"}";
    static final String PATIENT_OWN = "{\"role\":\"patient\",\"method\":\"electronic\"}";
    static final String AUTHOR = "{\"role\":\"author\",\"method\":\"electronic\"}";
    static final String CO_SIGNER = "{\"role\":\"co-signer\",\"method\":\"electronic\"}";

    private SigningFixtures() {
    }

    /** POST /plans/{plan}/versions/{version}/signatures with a bearer token (a role name for a plain test token). */
    static ValidatableResponse sign(String token, String plan, int version, String body) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json").body(body)
                .when().post(PLANS + "/" + plan + "/versions/" + version + "/signatures").then();
    }

    static String staff() {
        return TestTokens.forRole("clinician");
    }

    static String author(UUID clinicianId) {
        return TestTokens.clinician(clinicianId);
    }

    static ValidatableResponse read(String token, String path) {
        return given().header("Authorization", "Bearer " + token).when().get(path).then();
    }

    /** What participant-service would tell plan-service about a clinician's credentials (comma-separated). */
    static void credentials(DataSource ds, UUID clinicianId, String credentials) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("update known_clinician set credentials = ? where clinician_id = ?")) {
            s.setString(1, credentials);
            s.setObject(2, clinicianId);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("Unknown clinician " + clinicianId);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plan.signed events of a plan, oldest first. */
    static List<ConsumerRecord<String, String>> signedEvents(String bootstrap, String plan) {
        return new TopicReader(bootstrap).readByKey(Topics.PLANS, plan).stream()
                .filter(r -> EventTypes.PLAN_SIGNED.equals(TopicReader.header(r, "ce_type"))).toList();
    }
}
