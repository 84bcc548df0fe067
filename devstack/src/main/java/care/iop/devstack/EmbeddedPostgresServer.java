package care.iop.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 15 server run from the zonky binaries, with one database per service. Its
 * administrator is {@value #USER} (a superuser, no password: the server listens on localhost only and
 * trusts local connections, so role passwords are not checked here); the services use the roles of
 * {@link DatabaseRoles}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * A server that keeps its data (the local stack, the system tests, the benchmarks) is durable:
     * {@code fsync} and {@code synchronous_commit} on, so a commit acknowledged to a service survives a
     * crash of PostgreSQL itself (the embedded defaults turn both off). A throw-away server for tests
     * keeps them off.
     *
     * @param dataDir kept across restarts when not null; a fresh temporary folder otherwise
     * @param port 0 for any free port
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", dataDir == null ? "off" : "on")
                    .setServerConfig("synchronous_commit", dataDir == null ? "off" : "on");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return serverUrl() + "/" + database;
    }

    /** JDBC URL of this server without a database, e.g. for {@link DatabaseRoles#apply}. */
    public String serverUrl() {
        return "jdbc:postgresql://localhost:" + port();
    }

    /** Creates each database that does not exist yet. */
    public void createDatabases(List<String> names) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            createMissing(connection, names);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create databases " + names, e);
        }
    }

    /**
     * Creates the databases an external server lacks ({@code IOP_JDBC_URL} names the server, e.g.
     * {@code jdbc:postgresql://db:5432}); the user needs the CREATEDB privilege only when one is missing.
     */
    public static void createDatabases(String serverUrl, String user, String password, List<String> names) {
        try (Connection connection = DriverManager.getConnection(serverUrl + "/postgres", user, password)) {
            createMissing(connection, names);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach or prepare the databases " + names + " on " + serverUrl + ": " + e.getMessage(), e);
        }
    }

    private static void createMissing(Connection connection, List<String> names) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                if (!name.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("Unsafe database name " + name);
                }
                try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                    if (rs.next()) {
                        continue;
                    }
                }
                statement.execute("create database " + name);
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
