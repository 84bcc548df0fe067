package care.iop.plan.rest;

import static care.iop.plan.support.PlanFixtures.activate;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.ReadModelProbe.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The one-current-plan rule (at most one active or on-hold plan per patient) under races, and the database index
 * behind it on its own: activations released together give exactly one success and one 409 (never a 500), and the
 * index refuses a second current plan written around the application.
 */
@QuarkusTest
class OneCurrentPlanGuardTest {
    private static final int ROUNDS = 10;

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/api/v1/plans")
    URL plans;

    PlanFixtures fixtures;
    ExecutorService pool;
    HttpClient http;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
        pool = Executors.newFixedThreadPool(2);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void twoActivationsReleasedTogetherGiveOneSuccessAndOne409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UUID[] ids = fixtures.patientAndClinician();
            String first = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
            String second = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
            PlanFixtures.signCurrentVersion(first);
            PlanFixtures.signCurrentVersion(second);

            List<HttpResponse<String>> answers = activateTogether(first, second);

            List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).sorted().toList();
            assertThat(statuses).as("round %d: %s", round, answers.stream().map(HttpResponse::body).toList()).containsExactly(200, 409);
            HttpResponse<String> won = answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow();
            HttpResponse<String> lost = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
            String winner = JsonPath.from(won.body()).getString("id");
            // the 409 is the rule's answer (naming the plan that won), not a translated database error
            assertThat(lost.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JsonPath.from(lost.body()).getString("detail")).contains("already has a").contains("(" + winner + ")");
            assertThat(count(ds, "select count(*) from care_plan where patient_id = ? and status in ('active', 'on-hold')", ids[0])).isEqualTo(1);
            assertThat(count(ds, "select count(*) from plan_status_transition t join care_plan p on p.id = t.plan_id"
                    + " where p.patient_id = ? and t.to_status = 'active'", ids[0])).isEqualTo(1);
        }
    }

    @Test
    void theIndexRefusesASecondCurrentPlanWrittenAroundTheApplication() throws Exception {
        UUID[] ids = fixtures.patientAndClinician();
        String first = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        String second = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        activate(first).statusCode(200);

        for (String status : List.of("active", "on-hold")) {
            assertThatThrownBy(() -> sql("update care_plan set status = ? where id = ?::uuid", status, second))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("23505");
                        assertThat(e.getMessage()).contains("care_plan_one_current");
                    });
        }
        assertThatThrownBy(() -> sql("""
                insert into care_plan (id, patient_id, primary_clinician_id, status, level_of_care, start_date, duration_weeks, end_date,
                    review_interval_days, next_review_due, individual_sessions_per_week, individual_session_minutes, group_hours_per_week,
                    family_sessions_per_week, modality_effective_from, modality_proposed, created_at, updated_at, version)
                select ?::uuid, patient_id, primary_clinician_id, 'on-hold', level_of_care, start_date, duration_weeks, end_date,
                    review_interval_days, next_review_due, individual_sessions_per_week, individual_session_minutes, group_hours_per_week,
                    family_sessions_per_week, modality_effective_from, modality_proposed, created_at, updated_at, 0
                from care_plan where id = ?::uuid""", UUID.randomUUID().toString(), first))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
        // a finished plan is outside the rule: the index lets the second one become current after it
        sql("update care_plan set status = 'completed' where id = ?::uuid", first);
        sql("update care_plan set status = 'active' where id = ?::uuid", second);
        assertThat(count(ds, "select count(*) from care_plan where patient_id = ? and status in ('active', 'on-hold')", ids[0])).isEqualTo(1);
    }

    /** PUTs both activations on two threads released at the same instant. */
    private List<HttpResponse<String>> activateTogether(String... planIds) throws Exception {
        String token = TestTokens.bearer("clinician");
        CountDownLatch ready = new CountDownLatch(planIds.length);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (String planId : planIds) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(plans + "/" + planId + "/status"))
                    .header("Authorization", token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"active\",\"reason\":\"race\"}")).timeout(Duration.ofSeconds(30)).build();
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> future : futures) {
            answers.add(future.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    /** A statement on the test's own connection, around the application (autocommit). */
    private void sql(String statement, Object... args) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
