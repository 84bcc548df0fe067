package care.iop.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner and application roles of the stack's databases, and {@code ./iop audit verify} against them. */
class DatabaseRolesTest {
    private static final DatabaseRoles ROLES = new DatabaseRoles("iop_owner", "owner-secret", "iop_app", "app-secret");
    private static final List<String> DATABASES = Component.SERVICES.stream().map(Component::database).toList();
    private static final Path PLATFORM_MIGRATIONS = Path.of("..", "platform", "src", "main", "resources", "db", "platform");

    private static EmbeddedPostgresServer postgres;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        postgres = EmbeddedPostgresServer.start(null, 0);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void aDatabaseCreatedBeforeThereWereTwoRolesIsHandedToTheOwner() throws Exception {
        postgres.createDatabases(List.of("iop_legacy"));
        try (Connection admin = admin("iop_legacy"); Statement s = admin.createStatement()) {
            s.execute("create table legacy (id bigserial primary key, name text)");
            s.execute("create view legacy_names as select name from legacy");
            s.execute("create sequence legacy_standalone_seq");
            s.execute("create function legacy_answer() returns int language sql as 'select 42'");
            s.execute("create extension if not exists btree_gist");
        }
        ROLES.apply(postgres.serverUrl(), EmbeddedPostgresServer.USER, "", List.of("iop_legacy"));
        ROLES.apply(postgres.serverUrl(), EmbeddedPostgresServer.USER, "", List.of("iop_legacy")); // again: nothing to do, no error

        try (Connection admin = admin("iop_legacy")) {
            assertThat(value(admin, "select pg_get_userbyid(datdba) from pg_database where datname = current_database()")).isEqualTo("iop_owner");
            for (String relation : List.of("legacy", "legacy_id_seq", "legacy_names", "legacy_standalone_seq")) {
                assertThat(value(admin, "select pg_get_userbyid(relowner) from pg_class where relname = '" + relation + "'")).as(relation).isEqualTo("iop_owner");
            }
            assertThat(value(admin, "select pg_get_userbyid(proowner) from pg_proc where proname = 'legacy_answer'")).isEqualTo("iop_owner");
            assertThat(value(admin, "select count(*) from pg_proc where proname = 'gbt_int4_consistent' and pg_get_userbyid(proowner) = 'postgres'"))
                    .as("extension members stay with the extension").isEqualTo(1L);
            assertThat(value(admin, "select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = 'iop_app'")).isEqualTo(false);
        }
        try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl("iop_legacy"), "iop_owner", "owner-secret");
             Statement s = owner.createStatement()) {
            s.execute("alter table legacy add column note text");
        }
    }

    @Test
    void rolesAreCheckedBeforeUse() {
        assertThatThrownBy(() -> new DatabaseRoles("iop_owner", "x", "iop_owner", "y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseRoles("iop_owner", "x", "app; drop table audit_event", "y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseRoles("iop_owner", "", "iop_app", "y")).isInstanceOf(IllegalArgumentException.class);
        assertThat(DatabaseRoles.fromEnvironment(Map.of("IOP_DB_APP_PASSWORD", "rotated")).appPassword()).isEqualTo("rotated");
        assertThat(ROLES.serviceEnvironment()).containsEntry("QUARKUS_DATASOURCE_USERNAME", "iop_app")
                .containsEntry("QUARKUS_FLYWAY_USERNAME", "iop_owner").containsEntry("QUARKUS_FLYWAY_PLACEHOLDERS_APP_ROLE", "iop_app");
    }

    @Test
    void auditVerifyNamesTheBrokenLinkOfEachService() throws Exception {
        postgres.createDatabases(DATABASES);
        ROLES.apply(postgres.serverUrl(), EmbeddedPostgresServer.USER, "", DATABASES);
        for (String database : DATABASES) {
            migrate(database);
        }
        try (Connection app = app("iop_participant"); Statement s = app.createStatement()) {
            for (int i = 0; i < 3; i++) {
                s.execute("insert into audit_event (occurred_at, subject, action, resource_type, outcome) values (now(), 'test', 'READ', 'Patient', 'SUCCESS')");
            }
            assertThat(value(app, "select audit_seal(100)")).isEqualTo(3);
        }
        LocalStack stack = new LocalStack(home, home.resolve(".iop"), 0, System.out, Map.of("IOP_JDBC_URL", postgres.serverUrl(),
                "IOP_DB_OWNER_PASSWORD", "owner-secret", "IOP_DB_APP_PASSWORD", "app-secret"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(AuditVerify.run(stack, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(AuditVerify.VALID);
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("participant-service +VALID +3 sealed, 0 not sealed yet; head 3 [0-9a-f]{64}")
                .containsPattern("plan-service +VALID +0 sealed, 0 not sealed yet");

        try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl("iop_participant"), "iop_owner", "owner-secret");
             Statement s = owner.createStatement()) {
            s.execute("alter table audit_event disable trigger audit_event_no_update");
            s.execute("update audit_event set subject = 'someone-else' where id = (select audit_id from audit_link where seq = 2)");
            s.execute("alter table audit_event enable trigger audit_event_no_update");
        }
        out.reset();
        assertThat(AuditVerify.run(stack, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(AuditVerify.BROKEN);
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("participant-service +BROKEN +CONTENT_CHANGED at link 2 \\(audit id 2\\)")
                .containsPattern("session-service +VALID");
    }

    @Test
    void aChainSealedInTheUpdatedRowsMovesToItsOwnTableIntact() throws Exception {
        postgres.createDatabases(List.of("iop_chain_move"));
        ROLES.apply(postgres.serverUrl(), EmbeddedPostgresServer.USER, "", List.of("iop_chain_move"));
        migrate("iop_chain_move", "V1__platform.sql", "V2__audit_disclosures.sql", "V3__audit_chain.sql");
        try (Connection app = app("iop_chain_move"); Statement s = app.createStatement()) {
            insertAuditRows(s, 3);
            assertThat(value(app, "select audit_seal(100)")).isEqualTo(3); // sealed the V3 way: chain columns of the rows
            insertAuditRows(s, 2); // not sealed yet when the migration runs
        }
        migrate("iop_chain_move", "V6__audit_links.sql");
        try (Connection app = app("iop_chain_move"); Statement s = app.createStatement()) {
            insertAuditRows(s, 1);
            assertThat(value(app, "select audit_seal(100)")).isEqualTo(3); // the two queued by the migration, and the new one
            assertThat(value(app, "select string_agg(seq || ':' || audit_id || ':' || form, ',' order by seq) from audit_link"))
                    .isEqualTo("1:1:1,2:2:1,3:3:1,4:4:2,5:5:2,6:6:2");
            assertThat(value(app, "select count(*) from information_schema.columns where table_name = 'audit_event' and column_name in ('chain_seq', 'hash')"))
                    .isEqualTo(0L);
            assertThat(value(app, "select valid::text || ' ' || sealed_rows || ' ' || unsealed_rows || ' ' || head_seq from audit_verify()"))
                    .isEqualTo("true 6 0 6");
        }
        try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl("iop_chain_move"), "iop_owner", "owner-secret");
             Statement s = owner.createStatement()) {
            s.execute("alter table audit_event disable trigger audit_event_no_update");
            s.execute("update audit_event set subject = 'someone-else' where id = 2");
            s.execute("alter table audit_event enable trigger audit_event_no_update");
            assertThat(value(owner, "select problem || ' ' || broken_seq from audit_verify()")).isEqualTo("CONTENT_CHANGED 2");
        }
    }

    private static void insertAuditRows(Statement s, int rows) throws SQLException {
        for (int i = 0; i < rows; i++) {
            s.execute("insert into audit_event (occurred_at, subject, action, resource_type, outcome) values (now(), 'test', 'READ', 'Patient', 'SUCCESS')");
        }
    }

    /** The platform's migrations as Flyway would run them: as the owner, placeholders replaced. */
    private static void migrate(String database) throws Exception {
        migrate(database, "V1__platform.sql", "V2__audit_disclosures.sql", "V3__audit_chain.sql", "V6__audit_links.sql");
    }

    private static void migrate(String database, String... migrations) throws Exception {
        try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl(database), "iop_owner", "owner-secret");
             Statement s = owner.createStatement()) {
            s.execute("create table if not exists flyway_schema_history (installed_rank int)");
            for (String migration : migrations) {
                s.execute(Files.readString(PLATFORM_MIGRATIONS.resolve(migration))
                        .replace("${app_role}", "iop_app").replace("${flyway:table}", "flyway_schema_history"));
            }
        }
    }

    private static Connection admin(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), EmbeddedPostgresServer.USER, "");
    }

    private static Connection app(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), "iop_app", "app-secret");
    }

    private static Object value(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }
}
