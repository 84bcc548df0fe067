package care.iop.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import care.iop.testing.IopTestInfrastructure;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The audit trail as evidence: the service's role may only read and append audit rows and append links to
 * their chain; the sealer chains every committed row exactly once; the verification names the link an
 * owner tampered with.
 * Every test that tampers puts the row back, so the chain is whole again for the next.
 */
@QuarkusTest
class AuditChainTest {
    private static final String NOTES = "/api/v1/test-notes";
    private static final String VERIFY = "/api/v1/audit/verify";
    private static final Duration SEALING = Duration.ofSeconds(15);
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    /** The service's datasource: the application role. */
    @Inject
    AgroalDataSource ds;

    @Test
    void theServiceRoleCannotChangeDeleteOrTruncateAuditRows() throws Exception {
        long id = sealedAuditRowOfANewNote();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertThat(value(c, "select current_user")).isEqualTo(IopTestInfrastructure.ROLES.app());
            assertRefused(() -> s.executeUpdate("update audit_event set subject = 'someone-else' where id = " + id), INSUFFICIENT_PRIVILEGE);
            assertRefused(() -> s.executeUpdate("delete from audit_event where id = " + id), INSUFFICIENT_PRIVILEGE);
            assertRefused(() -> s.execute("truncate audit_event"), INSUFFICIENT_PRIVILEGE);
            assertRefused(() -> s.execute("alter table audit_event disable trigger audit_event_enqueue"), INSUFFICIENT_PRIVILEGE);
            // the chain: it appends links (as the sealer) but may not rewrite or remove one
            assertRefused(() -> s.executeUpdate("update audit_link set hash = sha256('forged') where audit_id = " + id), INSUFFICIENT_PRIVILEGE);
            assertRefused(() -> s.executeUpdate("delete from audit_link where audit_id = " + id), INSUFFICIENT_PRIVILEGE);
            assertRefused(() -> s.execute("truncate audit_link"), INSUFFICIENT_PRIVILEGE);
            assertRefused(() -> s.execute("alter table audit_link disable trigger audit_link_no_change"), INSUFFICIENT_PRIVILEGE);
            // it may append, and everything else of the service stays its to write
            assertThat(s.executeUpdate("insert into audit_event (occurred_at, action, resource_type, outcome, request_id)"
                    + " values (now(), 'READ', 'Note', 'SUCCESS', 'role-test')")).isEqualTo(1);
            for (String table : List.of("note", "outbox", "processed_event")) {
                assertThat(value(c, "select has_table_privilege(current_user, '" + table + "', 'insert') and has_table_privilege(current_user, '"
                        + table + "', 'update') and has_table_privilege(current_user, '" + table + "', 'delete')")).as(table).isEqualTo(true);
            }
            assertThat(value(c, "select has_table_privilege(current_user, 'flyway_schema_history', 'select')")).isEqualTo(false);
        }
        // the owner may not change, delete or truncate either (unless it drops the triggers: then verification shows it)
        try (Connection owner = IopTestInfrastructure.ownerConnection(); Statement s = owner.createStatement()) {
            assertThatThrownBy(() -> s.execute("truncate audit_event")).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("update audit_event set subject = 'someone-else' where id = " + id))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("truncate audit_link")).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("update audit_link set hash = sha256('forged') where audit_id = " + id))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_link where audit_id = " + id))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(Db.count(ds, "select count(*) from audit_event where id = ? and subject = 'test-clinician'", id)).isEqualTo(1);
    }

    @Test
    void anUntamperedTrailVerifiesOnlyForAdmins() {
        long id = sealedAuditRowOfANewNote();
        JsonPath report = verify().statusCode(200)
                .body("valid", equalTo(true))
                .body("headHash", matchesPattern("[0-9a-f]{64}"))
                .body("firstBrokenLink", nullValue())
                .extract().jsonPath();
        assertThat(report.getLong("sealedRows")).isPositive();
        assertThat(report.getLong("headSeq")).isGreaterThanOrEqualTo(chainSeq(id)).isEqualTo(report.getLong("sealedRows"));
        assertThat(report.getLong("unsealedRows")).isNotNegative();

        given().header("Authorization", TestTokens.bearer("clinician")).when().get(VERIFY).then().statusCode(403);
        given().when().get(VERIFY).then().statusCode(401);
    }

    @Test
    void anAnchorRecordedEarlierMustStillMatch() {
        long id = sealedAuditRowOfANewNote();
        long seq = chainSeq(id);
        String hash = hex("select encode(hash, 'hex') from audit_link where audit_id = " + id);
        verify("anchorSeq", seq, "anchorHash", hash).statusCode(200).body("valid", equalTo(true));
        verify("anchorSeq", seq, "anchorHash", hash.toUpperCase()).statusCode(200).body("valid", equalTo(true));

        String other = hash.startsWith("0") ? "1" + hash.substring(1) : "0" + hash.substring(1);
        verify("anchorSeq", seq, "anchorHash", other).statusCode(200)
                .body("valid", equalTo(false))
                .body("firstBrokenLink.problem", equalTo("ANCHOR_MISMATCH"))
                .body("firstBrokenLink.chainSeq", equalTo((int) seq))
                .body("firstBrokenLink.auditId", equalTo((int) id));
        // an anchor beyond the head: the end of the chain is gone
        verify("anchorSeq", seq + 1_000_000, "anchorHash", hash).statusCode(200)
                .body("valid", equalTo(false))
                .body("firstBrokenLink.problem", equalTo("ANCHOR_MISSING"))
                .body("firstBrokenLink.chainSeq", equalTo((int) (seq + 1_000_000)));

        badAnchor(verify("anchorSeq", "last", "anchorHash", hash), "anchorSeq");
        badAnchor(verify("anchorSeq", 0, "anchorHash", hash), "anchorSeq");
        badAnchor(verify("anchorSeq", seq), "anchorHash");
        badAnchor(verify("anchorSeq", seq, "anchorHash", "abc"), "anchorHash");
        badAnchor(verify("anchorHash", hash), "anchorSeq");
    }

    @Test
    void aRowChangedByTheOwnerBreaksTheChainAtItsLink() throws Exception {
        long id = sealedAuditRowOfANewNote();
        long seq = chainSeq(id);
        asOwner("alter table audit_event disable trigger audit_event_no_update",
                "update audit_event set subject = 'someone-else' where id = " + id,
                "alter table audit_event enable trigger audit_event_no_update");
        try {
            assertBroken(seq, id, "CONTENT_CHANGED");
        } finally {
            asOwner("alter table audit_event disable trigger audit_event_no_update",
                    "update audit_event set subject = 'test-clinician' where id = " + id,
                    "alter table audit_event enable trigger audit_event_no_update");
        }
        verify().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aRowChangedAndRehashedByTheOwnerBreaksTheNextLink() throws Exception {
        long id = sealedAuditRowOfANewNote();
        long seq = chainSeq(id);
        String originalHash = hex("select encode(hash, 'hex') from audit_link where audit_id = " + id);
        sealedAuditRowOfANewNote(); // a later link
        asOwner("alter table audit_event disable trigger audit_event_no_update",
                "alter table audit_link disable trigger audit_link_no_change",
                "update audit_event set subject = 'someone-else' where id = " + id,
                "update audit_link l set hash = sha256(l.prev_hash || audit_event_canonical_v2(a)) from audit_event a where a.id = l.audit_id and a.id = " + id,
                "alter table audit_link enable trigger audit_link_no_change",
                "alter table audit_event enable trigger audit_event_no_update");
        try {
            assertBroken(seq + 1, auditIdAt(seq + 1), "PREV_HASH_MISMATCH");
        } finally {
            asOwner("alter table audit_event disable trigger audit_event_no_update",
                    "alter table audit_link disable trigger audit_link_no_change",
                    "update audit_event set subject = 'test-clinician' where id = " + id,
                    "update audit_link set hash = decode('" + originalHash + "', 'hex') where audit_id = " + id,
                    "alter table audit_link enable trigger audit_link_no_change",
                    "alter table audit_event enable trigger audit_event_no_update");
        }
        verify().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aRowDeletedByTheOwnerIsNamedByItsLink() throws Exception {
        long id = sealedAuditRowOfANewNote();
        long seq = chainSeq(id);
        sealedAuditRowOfANewNote(); // a later link
        try (Connection owner = IopTestInfrastructure.ownerConnection(); Statement s = owner.createStatement()) {
            owner.setAutoCommit(false);
            s.execute("create temp table deleted_audit_row as select * from audit_event where id = " + id);
            s.execute("alter table audit_event disable trigger audit_event_no_delete");
            assertThat(s.executeUpdate("delete from audit_event where id = " + id)).isEqualTo(1);
            s.execute("alter table audit_event enable trigger audit_event_no_delete");
            owner.commit();
            try {
                verify().statusCode(200)
                        .body("valid", equalTo(false))
                        .body("firstBrokenLink.chainSeq", equalTo((int) seq))
                        .body("firstBrokenLink.auditId", equalTo((int) id))
                        .body("firstBrokenLink.problem", equalTo("ROW_MISSING"))
                        .body("firstBrokenLink.detail", containsString("audit row of link " + seq));
            } finally {
                // put it back without queueing it again (it is sealed already)
                s.execute("alter table audit_event disable trigger audit_event_enqueue");
                s.execute("insert into audit_event select * from deleted_audit_row");
                s.execute("alter table audit_event enable trigger audit_event_enqueue");
                owner.commit();
            }
        }
        verify().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aLinkDeletedByTheOwnerLeavesAGap() throws Exception {
        long id = sealedAuditRowOfANewNote();
        long seq = chainSeq(id);
        sealedAuditRowOfANewNote(); // a later link
        try (Connection owner = IopTestInfrastructure.ownerConnection(); Statement s = owner.createStatement()) {
            owner.setAutoCommit(false);
            s.execute("create temp table deleted_link as select * from audit_link where seq = " + seq);
            s.execute("alter table audit_link disable trigger audit_link_no_change");
            assertThat(s.executeUpdate("delete from audit_link where seq = " + seq)).isEqualTo(1);
            s.execute("alter table audit_link enable trigger audit_link_no_change");
            owner.commit();
            try {
                verify().statusCode(200)
                        .body("valid", equalTo(false))
                        .body("firstBrokenLink.chainSeq", equalTo((int) seq))
                        .body("firstBrokenLink.auditId", nullValue())
                        .body("firstBrokenLink.problem", equalTo("LINK_MISSING"))
                        .body("firstBrokenLink.detail", containsString("Link " + seq + " is missing"));
            } finally {
                s.execute("insert into audit_link select * from deleted_link");
                owner.commit();
            }
        }
        verify().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void rowsOfConcurrentTransactionsAreEachSealedOnceWhateverOrderTheyCommitIn() throws Exception {
        String tag = "seal-" + UUID.randomUUID();
        int transactions = 6;
        int rowsEach = 5;
        List<Connection> open = new ArrayList<>();
        try {
            for (int t = 0; t < transactions; t++) {
                Connection c = ds.getConnection();
                c.setAutoCommit(false);
                open.add(c);
            }
            // the transactions' ids interleave: 1 2 3 4 5 6 1 2 3 ...
            for (int r = 0; r < rowsEach; r++) {
                for (int t = 0; t < transactions; t++) {
                    insertAuditRow(open.get(t), tag + "-" + t);
                }
            }
            // the even transactions commit first and are sealed while the odd ones (holding lower ids) are still open
            for (int t = 0; t < transactions; t += 2) {
                open.get(t).commit();
            }
            await().atMost(SEALING).until(() -> Db.count(ds, "select count(*) from audit_event a join audit_link l on l.audit_id = a.id where a.request_id like ?",
                    tag + "%") == (long) rowsEach * transactions / 2);
            for (int t = 1; t < transactions; t += 2) {
                open.get(t).commit();
            }
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
        // and writers on several threads at once, while the sealer runs
        int threads = 8;
        int rowsPerThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String request = tag + "-thread-" + t;
                writers.add(pool.submit(() -> {
                    try (Connection c = ds.getConnection()) {
                        for (int r = 0; r < rowsPerThread; r++) {
                            insertAuditRow(c, request);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long rows = (long) transactions * rowsEach + (long) threads * rowsPerThread;
        await().atMost(SEALING).until(() -> Db.count(ds, "select count(*) from audit_event a join audit_link l on l.audit_id = a.id where a.request_id like ?",
                tag + "%") == rows);
        assertThat(Db.count(ds, "select count(*) from audit_event where request_id like ?", tag + "%")).isEqualTo(rows);
        assertThat(Db.count(ds, "select count(distinct l.seq) from audit_event a join audit_link l on l.audit_id = a.id where a.request_id like ?", tag + "%")).isEqualTo(rows);
        // the late committers' rows, lower ids and all, were chained after the early ones, none skipped
        assertThat(Db.count(ds, """
                select count(*) from audit_event late join audit_link late_link on late_link.audit_id = late.id
                where late.request_id in (?, ?, ?)
                and late_link.seq < (select max(l.seq) from audit_event early join audit_link l on l.audit_id = early.id
                                     where early.request_id in (?, ?, ?))""",
                tag + "-1", tag + "-3", tag + "-5", tag + "-0", tag + "-2", tag + "-4")).isZero();
        assertThat(Db.count(ds, """
                select count(*) from audit_event late where late.request_id = ?
                and late.id < (select max(id) from audit_event early where early.request_id = ?)""", tag + "-1", tag + "-0")).isPositive();
        JsonPath report = verify().statusCode(200).body("valid", equalTo(true)).extract().jsonPath();
        assertThat(report.getLong("headSeq")).isEqualTo(report.getLong("sealedRows"));
    }

    @Test
    void oneSealerAtATime() throws Exception {
        try (Connection first = ds.getConnection(); Connection second = ds.getConnection()) {
            first.setAutoCommit(false);
            // another replica in the middle of sealing: it holds the sealer's lock (key in V6__audit_links.sql) until it ends
            try (Statement lock = first.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(7310411733001)");
            }
            insertAuditRow(second, "one-sealer");
            long id = Db.count(ds, "select max(id) from audit_event where request_id = 'one-sealer'");
            assertThat(seal(second, 1000)).isZero();
            assertThat(chainSeq(id)).isZero();
            first.rollback();
            await().atMost(SEALING).until(() -> chainSeq(id) > 0);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Creates a note (its CREATE audit row is written in the note's transaction) and waits until that row is sealed. */
    private long sealedAuditRowOfANewNote() {
        String note = given().header("Authorization", TestTokens.bearer("clinician")).contentType("application/json")
                .body("{\"patientId\":\"" + UUID.randomUUID() + "\",\"text\":\"chained\"}").when().post(NOTES).then().statusCode(201)
                .extract().path("id");
        long id = Db.count(ds, "select id from audit_event where action = 'CREATE' and resource_type = 'Note' and resource_id = ?", note);
        assertThat(id).isPositive();
        await().atMost(SEALING).until(() -> chainSeq(id) > 0);
        return id;
    }

    private long chainSeq(long auditId) {
        return Db.count(ds, "select coalesce((select seq from audit_link where audit_id = ?), 0)", auditId);
    }

    private long auditIdAt(long chainSeq) {
        return Db.count(ds, "select audit_id from audit_link where seq = ?", chainSeq);
    }

    private String hex(String sql) {
        try (Connection c = ds.getConnection()) {
            return (String) value(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private static void insertAuditRow(Connection c, String requestId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into audit_event (occurred_at, subject, roles, action, resource_type, outcome, request_id)"
                + " values (clock_timestamp(), 'test-writer', 'clinician', 'READ', 'Note', 'SUCCESS', ?)")) {
            insert.setString(1, requestId);
            insert.executeUpdate();
        }
    }

    private static int seal(Connection c, int maxRows) throws SQLException {
        try (PreparedStatement seal = c.prepareStatement("select audit_seal(?)")) {
            seal.setInt(1, maxRows);
            try (ResultSet rs = seal.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Runs the statements in one transaction as the database owner: what an administrator with the owner's password could do. */
    private static void asOwner(String... statements) throws SQLException {
        try (Connection owner = IopTestInfrastructure.ownerConnection(); Statement s = owner.createStatement()) {
            owner.setAutoCommit(false);
            for (String sql : statements) {
                s.execute(sql);
            }
            owner.commit();
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String sqlState) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(sqlState));
    }

    private static ValidatableResponse verify(Object... query) {
        var request = given().header("Authorization", TestTokens.bearer("admin"));
        for (int i = 0; i + 1 < query.length; i += 2) {
            request = request.queryParam((String) query[i], query[i + 1]);
        }
        return request.when().get(VERIFY).then();
    }

    private static void assertBroken(long chainSeq, long auditId, String problem) {
        verify().statusCode(200)
                .body("valid", equalTo(false))
                .body("firstBrokenLink.chainSeq", equalTo((int) chainSeq))
                .body("firstBrokenLink.auditId", equalTo((int) auditId))
                .body("firstBrokenLink.problem", equalTo(problem));
    }

    private static void badAnchor(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
