package care.iop.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import care.iop.testing.IopTestInfrastructure;
import care.iop.testing.Metrics;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Reads are audited by a group commit that the response waits for (platform ReadAudits and AuditWriter). */
@QuarkusTest
class ReadAuditTest {
    private static final String NOTES = "/api/v1/test-notes";

    @Inject
    AgroalDataSource ds;

    private String note(UUID patientId, String text) {
        return given().header("Authorization", TestTokens.bearer("clinician")).contentType("application/json")
                .body("{\"patientId\":\"" + patientId + "\",\"text\":\"" + text + "\"}").when().post(NOTES).then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aReadsAuditRowIsCommittedBeforeItsAnswerArrives() {
        UUID patient = UUID.randomUUID();
        String id = note(patient, "read me");
        given().header("Authorization", TestTokens.bearer("admin")).header("X-Request-Id", "read-audit-1")
                .when().get(NOTES + "/" + id).then().statusCode(200).body("text", equalTo("read me"));
        // no waiting: the row is there the moment the answer is
        assertThat(Db.count(ds, "select count(*) from audit_event where action = 'READ' and outcome = 'SUCCESS' and resource_id = ?"
                + " and patient_id = ? and subject = 'test-admin' and roles = 'admin' and request_id = 'read-audit-1'", id, patient)).isEqualTo(1);
    }

    @Test
    void concurrentReadsEachGetTheirOwnRow() throws Exception {
        UUID patient = UUID.randomUUID();
        String id = note(patient, "popular");
        double auditedBefore = auditBatchMetric("sum");
        double batchesBefore = auditBatchMetric("count");
        int readers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                String requestId = "concurrent-read-" + i;
                answers.add(pool.submit(() -> given().header("Authorization", TestTokens.bearer("clinician")).header("X-Request-Id", requestId)
                        .when().get(NOTES + "/" + id).then().extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Db.count(ds, "select count(*) from audit_event where action = 'READ' and resource_id = ?", id)).isEqualTo(readers);
        assertThat(Db.count(ds, "select count(distinct request_id) from audit_event where action = 'READ' and resource_id = ?"
                + " and request_id like 'concurrent-read-%'", id)).isEqualTo(readers);
        // every entry went through the group commit, in at most one batch per read
        assertThat(auditBatchMetric("sum") - auditedBefore).isEqualTo(readers);
        assertThat(auditBatchMetric("count") - batchesBefore).isBetween(1.0, (double) readers);
    }

    private static double auditBatchMetric(String suffix) {
        return Metrics.value("iop_audit_batch_size_" + suffix);
    }

    @Test
    void whenTheAuditRowCannotBeWrittenTheDataIsWithheldWith503() throws Exception {
        UUID patient = UUID.randomUUID();
        String id = note(patient, "secret words");
        String subject = "test-patient-" + patient;
        // the database refuses audit rows of this one subject (not valid: existing rows are not checked); only the owner may alter the table
        try (Connection c = IopTestInfrastructure.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("alter table audit_event add constraint refuse_read_audit_test check (subject is distinct from '" + subject + "') not valid");
        }
        try {
            given().header("Authorization", "Bearer " + TestTokens.patient(patient)).when().get(NOTES + "/" + id).then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .header("X-Request-Id", org.hamcrest.Matchers.notNullValue())
                    .body("status", equalTo(503))
                    .body(not(containsString("secret words")));
            // other readers are not affected
            given().header("Authorization", TestTokens.bearer("clinician")).when().get(NOTES + "/" + id).then().statusCode(200);
        } finally {
            try (Connection c = IopTestInfrastructure.ownerConnection(); Statement s = c.createStatement()) {
                s.execute("alter table audit_event drop constraint refuse_read_audit_test");
            }
        }
        assertThat(Db.count(ds, "select count(*) from audit_event where subject = ?", subject)).isZero();
        given().header("Authorization", "Bearer " + TestTokens.patient(patient)).when().get(NOTES + "/" + id).then()
                .statusCode(200).body("text", equalTo("secret words"));
        assertThat(Db.count(ds, "select count(*) from audit_event where subject = ? and action = 'READ'", subject)).isEqualTo(1);
    }

    @Test
    void aReadThatFailsRecordsNoSuccess() {
        String missing = UUID.randomUUID().toString();
        given().header("Authorization", TestTokens.bearer("admin")).when().get(NOTES + "/" + missing).then().statusCode(404);
        assertThat(Db.count(ds, "select count(*) from audit_event where resource_id = ?", missing)).isZero();
    }
}
