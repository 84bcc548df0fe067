package care.iop.participant;

import static care.iop.participant.Api.PATIENTS;
import static care.iop.participant.Api.as;
import static care.iop.participant.Api.patientBody;
import static care.iop.participant.Api.uniqueFamilyName;
import static care.iop.participant.Api.uniqueMrn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Races give 409 or 412 problem+json, never 500. The races are made deterministic with row locks taken from the test
 * over JDBC: the requests read the committed row, then queue on its lock; what commits first decides.
 */
@QuarkusTest
class ConcurrencyTest {

    @Inject
    AgroalDataSource ds;

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void twoPutsWithTheSameIfMatchAtTheSameMomentGiveOneSuccessAndOne412() throws Exception {
        String mrn = uniqueMrn();
        UUID id = UUID.fromString(as("scheduler").body(patientBody(mrn, "Diaz", null)).when().post(PATIENTS)
                .then().statusCode(201).extract().path("id"));
        List<Future<Response>> puts = new ArrayList<>();
        try (Connection lock = ds.getConnection()) {
            lock.setAutoCommit(false);
            execute(lock, "select id from patient where id = ? for update", id);
            for (String family : List.of("First", "Second")) {
                puts.add(pool.submit(() -> as("clinician").header("If-Match", "\"0\"").body(patientBody(mrn, family, null))
                        .when().put(PATIENTS + "/" + id)));
            }
            awaitWaitingOnLock("update patient", 2);
            lock.rollback();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> put : puts) {
            Response response = put.get();
            statuses.add(response.statusCode());
            if (response.statusCode() == 412) {
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.jsonPath().getString("detail")).contains("changed by another request at the same time");
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        assertThat(Db.count(ds, "select version from patient where id = ?", id)).isEqualTo(1);
    }

    @Test
    void aChangeCommittedUnderARequestWithoutIfMatchGives409() throws Exception {
        UUID id = Api.newPatient();
        Future<Response> change;
        try (Connection other = ds.getConnection()) {
            other.setAutoCommit(false);
            execute(other, "update patient set version = version + 1, updated_at = now() where id = ?", id);
            change = pool.submit(() -> as("clinician").body("{\"groupComfort\":\"HESITANT\",\"preferredModality\":\"GROUP\"}")
                    .when().put(PATIENTS + "/" + id + "/preferences"));
            awaitWaitingOnLock("update patient", 1);
            other.commit();
        }
        Response response = change.get();
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("detail")).contains("changed by another request at the same time");
        assertThat(Db.count(ds, "select count(*) from preference_change where patient_id = ?", id)).isZero();
    }

    @Test
    void aDuplicateIdentifierCommittedWhileTheCreateWaitsGives409NamingTheHolder() throws Exception {
        UUID holder = Api.newPatient();
        String mrn = uniqueMrn();
        String family = uniqueFamilyName();
        Future<Response> create;
        try (Connection other = ds.getConnection()) {
            other.setAutoCommit(false);
            // Not committed yet: the request's insert queues on the unique index until it is.
            execute(other, "insert into patient_identifier (patient_id, system, value) values (?, 'urn:example:mrn', ?)", holder, mrn);
            create = pool.submit(() -> as("scheduler").body(patientBody(mrn, family, null)).when().post(PATIENTS));
            awaitWaitingOnLock("insert into patient_identifier", 1);
            other.commit();
        }
        Response response = create.get();
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.jsonPath().getString("detail")).isEqualTo("Identifier urn:example:mrn|" + mrn + " already names another patient");
        assertThat(response.jsonPath().getString("conflictsWith")).isEqualTo(PATIENTS + "/" + holder);
        assertThat(Db.count(ds, "select count(*) from patient where family_name = ?", family)).isZero();
    }

    @Test
    void concurrentCreatesWithOneIdentifierGiveOne201AndOtherwise409() throws Exception {
        String mrn = uniqueMrn();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            creates.add(pool.submit(() -> {
                start.await();
                return as("scheduler").body(patientBody(mrn, uniqueFamilyName(), null)).when().post(PATIENTS).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> create : creates) {
            statuses.add(create.get());
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
        assertThat(Db.count(ds, "select count(*) from patient_identifier where value = ?", mrn)).isEqualTo(1);
    }

    /** Waits until {@code count} statements containing {@code statement} wait on a lock (a registration inserts its identifiers in the statement that inserts the patient). */
    private void awaitWaitingOnLock(String statement, int count) {
        Supplier<Long> waiting = () -> Db.count(ds, "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike ?",
                "%" + statement + "%");
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting.get() >= count);
    }

    private static void execute(Connection connection, String sql, Object... args) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.execute();
        }
    }
}
