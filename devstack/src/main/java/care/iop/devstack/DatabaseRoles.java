package care.iop.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two roles of every service database: the <b>owner</b>, which runs the migrations (Flyway) and owns
 * the tables, and the <b>application role</b>, which the service connects as. The migrations grant the
 * application role what a service needs; on the audit trail that is read, append and seal, never change
 * or delete (V3__audit_chain.sql). The local stack and the tests create both roles here; in Kubernetes
 * and compose the deployment does.
 */
public record DatabaseRoles(String owner, String ownerPassword, String app, String appPassword) {
    public static final String OWNER = "iop_owner";
    public static final String APP = "iop_app";

    public DatabaseRoles {
        requireName(owner);
        requireName(app);
        if (owner.equals(app)) {
            throw new IllegalArgumentException("The owner and the application role must differ");
        }
        if (ownerPassword == null || ownerPassword.isEmpty() || appPassword == null || appPassword.isEmpty()) {
            throw new IllegalArgumentException("Both roles need a password (Quarkus treats an empty one as none)");
        }
    }

    /**
     * The local stack's roles: {@code IOP_DB_OWNER}/{@code IOP_DB_OWNER_PASSWORD} and
     * {@code IOP_DB_APP}/{@code IOP_DB_APP_PASSWORD}, with local-only defaults.
     */
    public static DatabaseRoles fromEnvironment(Map<String, String> env) {
        return new DatabaseRoles(env.getOrDefault("IOP_DB_OWNER", OWNER), env.getOrDefault("IOP_DB_OWNER_PASSWORD", "iop-owner-local-only"),
                env.getOrDefault("IOP_DB_APP", APP), env.getOrDefault("IOP_DB_APP_PASSWORD", "iop-app-local-only"));
    }

    /** A service's settings: it connects as the application role, Flyway as the owner. */
    public Map<String, String> serviceEnvironment() {
        return Map.of("QUARKUS_DATASOURCE_USERNAME", app, "QUARKUS_DATASOURCE_PASSWORD", appPassword,
                "QUARKUS_FLYWAY_USERNAME", owner, "QUARKUS_FLYWAY_PASSWORD", ownerPassword,
                "QUARKUS_FLYWAY_PLACEHOLDERS_APP_ROLE", app);
    }

    /** The same as Quarkus properties (for a test resource). */
    public Map<String, String> serviceProperties() {
        return Map.of("quarkus.datasource.username", app, "quarkus.datasource.password", appPassword,
                "quarkus.flyway.username", owner, "quarkus.flyway.password", ownerPassword,
                "quarkus.flyway.placeholders.app_role", app);
    }

    /**
     * Creates both roles (or sets their passwords) and makes the owner role own each database and what it
     * holds already (a stack whose tables the administrator created before there were two roles), then lets
     * the application role connect. {@code adminUser} needs CREATEROLE and ownership of the databases (a
     * superuser locally).
     */
    public void apply(String serverUrl, String adminUser, String adminPassword, List<String> databases) {
        try (Connection admin = DriverManager.getConnection(serverUrl + "/postgres", adminUser, adminPassword);
             Statement statement = admin.createStatement()) {
            ensureRole(admin, owner, ownerPassword);
            ensureRole(admin, app, appPassword);
            for (String database : databases) {
                requireName(database);
                statement.execute("alter database " + database + " owner to " + owner);
                statement.execute("grant connect on database " + database + " to " + app);
                try (Connection db = DriverManager.getConnection(serverUrl + "/" + database, adminUser, adminPassword)) {
                    adoptObjects(db);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the database roles " + owner + " and " + app + " on " + serverUrl
                    + " as " + adminUser + " (needs CREATEROLE): " + e.getMessage(), e);
        }
    }

    private static void ensureRole(Connection admin, String role, String password) throws SQLException {
        boolean exists;
        try (PreparedStatement find = admin.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            find.setString(1, role);
            try (ResultSet rs = find.executeQuery()) {
                exists = rs.next();
            }
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute((exists ? "alter role " : "create role ") + role + " login password '" + password.replace("'", "''") + "'");
        }
    }

    /** Tables, views, sequences and functions of schema public not owned by the owner yet, extension members aside. */
    private void adoptObjects(Connection db) throws SQLException {
        List<String> changes = new ArrayList<>();
        try (Statement statement = db.createStatement()) {
            // PostgreSQL 15 gives schema public to the database owner; an older or upgraded server may not
            statement.execute("grant usage, create on schema public to " + owner);
            // a table's own sequences (serial columns) follow it, so tables first, then what is left
            collect(db, changes, """
                    select format('alter table %s owner to %I', c.oid::regclass, ?) from pg_class c
                    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
                    and c.relowner <> ?::regrole and not exists (select from pg_depend d where d.objid = c.oid and d.deptype = 'e')""");
            collect(db, changes, """
                    select format('alter function %s owner to %I', p.oid::regprocedure, ?) from pg_proc p
                    where p.pronamespace = 'public'::regnamespace and p.proowner <> ?::regrole
                    and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')""");
            for (String change : changes) {
                statement.execute(change);
            }
            changes.clear();
            collect(db, changes, """
                    select format('alter sequence %s owner to %I', c.oid::regclass, ?) from pg_class c
                    where c.relnamespace = 'public'::regnamespace and c.relkind = 'S' and c.relowner <> ?::regrole
                    and not exists (select from pg_depend d where d.objid = c.oid and d.deptype in ('e', 'a', 'i'))""");
            for (String change : changes) {
                statement.execute(change);
            }
        }
    }

    private void collect(Connection db, List<String> changes, String query) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(query)) {
            select.setString(1, owner);
            select.setString(2, owner);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    changes.add(rs.getString(1));
                }
            }
        }
    }

    private static void requireName(String name) {
        if (name == null || !name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unsafe role or database name " + name);
        }
    }
}
