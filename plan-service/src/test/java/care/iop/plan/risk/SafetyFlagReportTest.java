package care.iop.plan.risk;

import static care.iop.plan.risk.RiskFixtures.ADMIN;
import static care.iop.plan.risk.RiskFixtures.CLINICIAN;
import static care.iop.plan.risk.RiskFixtures.FLAGS;
import static care.iop.plan.support.ReadModelProbe.value;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import care.iop.platform.time.ProgramTime;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The admin's safety-flag report counts the flags raised in its window of program days: raised, urgent, resolved with a
 * screen, acknowledged without one (listed with who, when and why), overdue, open. The flags are placed on a day of their
 * own (a random day long ago), so other tests' flags never fall into the window.
 */
@QuarkusTest
class SafetyFlagReportTest {
    @Inject
    AgroalDataSource ds;

    @Inject
    ProgramTime time;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void countsEveryWayAFlagWasClosedOrNot() {
        LocalDate day = LocalDate.of(2000, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(7000));
        UUID patient = RiskFixtures.knownPatient(bootstrap, ds);
        String resolved = placed(RiskFixtures.raiseFlag(patient), day);
        String acknowledged = placed(RiskFixtures.raiseFlag(patient), day);
        String open = placed(RiskFixtures.raiseFlag(patient), day.plusDays(1));
        String outside = placed(RiskFixtures.raiseFlag(patient), day.plusDays(3));
        String highScreen = RiskFixtures.screen(patient, null, RiskFixtures.INTENT, null);
        String urgent = placed(value(ds, "select id from safety_flag where source_screen_id = ?", UUID.fromString(highScreen)).toString(), day);

        String screen = RiskFixtures.screen(patient, resolved, RiskFixtures.LOW, null);
        RiskFixtures.resolve(CLINICIAN, resolved, RiskFixtures.resolution(screen, null)).statusCode(200);
        update("update safety_flag set resolved_at = raised_at + interval '1 hour' where id = ?", resolved); // on time
        RiskFixtures.acknowledge(ADMIN, acknowledged).statusCode(200);
        RiskFixtures.acknowledge(ADMIN, outside).statusCode(200);

        given().header("Authorization", ADMIN).queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString())
                .when().get(FLAGS + "/report").then().statusCode(200)
                .body("raised", equalTo(4)).body("urgent", equalTo(1)).body("resolvedWithScreen", equalTo(1))
                .body("acknowledgedWithoutScreen", equalTo(1)).body("open", equalTo(2))
                // acknowledged after its day, and the two still open: overdue; the one resolved within the hour is not
                .body("overdue", equalTo(3))
                .body("acknowledgements.flagId", contains(acknowledged)).body("acknowledgements.acknowledgedBy", contains("test-admin"))
                .body("acknowledgements.reason", contains("Admitted to inpatient care the same day; screened there."))
                .body("acknowledgements.patientId", contains(patient.toString()));

        given().header("Authorization", ADMIN).queryParam("from", day.plusDays(3).toString()).queryParam("to", day.plusDays(3).toString())
                .when().get(FLAGS + "/report").then().statusCode(200).body("raised", equalTo(1)).body("acknowledgedWithoutScreen", equalTo(1))
                .body("open", equalTo(0));
    }

    @Test
    void badWindowsAndOtherRolesAreRefused() {
        given().header("Authorization", ADMIN).queryParam("to", "2026-01-31").when().get(FLAGS + "/report").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("from"));
        given().header("Authorization", ADMIN).queryParam("from", "2026-01-31").when().get(FLAGS + "/report").then().statusCode(400)
                .body("errors.field", contains("to"));
        given().header("Authorization", ADMIN).queryParam("from", "2026-01-31").queryParam("to", "2026-01-01")
                .when().get(FLAGS + "/report").then().statusCode(400).body("errors.field", contains("to"));
        for (String role : new String[] { "clinician", "scheduler", "integration" }) {
            given().header("Authorization", TestTokens.bearer(role)).queryParam("from", "2026-01-01").queryParam("to", "2026-01-31")
                    .when().get(FLAGS + "/report").then().statusCode(403);
        }
    }

    /** Moves the flag to 10:00 program time on {@code day}, due at the end of that day; returns its id. */
    private String placed(String flagId, LocalDate day) {
        RiskFixtures.placeFlag(ds, time, flagId, day.atTime(10, 0).atZone(time.zone()).toOffsetDateTime());
        return flagId;
    }

    private void update(String sql, String flagId) {
        try (var connection = ds.getConnection(); var update = connection.prepareStatement(sql)) {
            update.setObject(1, UUID.fromString(flagId));
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
