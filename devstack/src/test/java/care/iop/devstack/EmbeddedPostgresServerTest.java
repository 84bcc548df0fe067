package care.iop.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The databases of the stack on a server the devstack did not start ({@code IOP_JDBC_URL}). */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void missingDatabasesAreCreatedOnAnExternalServerAndExistingOnesKept() throws Exception {
        int port = freePort();
        String server = "jdbc:postgresql://localhost:" + port;
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir, port)) {
            EmbeddedPostgresServer.createDatabases(server, EmbeddedPostgresServer.USER, "", List.of("iop_participant"));
            try (Connection c = DriverManager.getConnection(server + "/iop_participant", EmbeddedPostgresServer.USER, "")) {
                c.createStatement().execute("create table kept (id int)");
            }
            EmbeddedPostgresServer.createDatabases(server, EmbeddedPostgresServer.USER, "", List.of("iop_participant", "iop_plan", "iop_session"));

            try (Connection c = DriverManager.getConnection(server + "/postgres", EmbeddedPostgresServer.USER, "");
                 ResultSet rs = c.createStatement().executeQuery("select datname from pg_database where datname like 'iop_%' order by 1")) {
                List<String> names = new java.util.ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                assertThat(names).containsExactly("iop_participant", "iop_plan", "iop_session");
            }
            try (Connection c = DriverManager.getConnection(server + "/iop_participant", EmbeddedPostgresServer.USER, "");
                 ResultSet rs = c.createStatement().executeQuery("select count(*) from information_schema.tables where table_name = 'kept'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the existing database was left alone").isEqualTo(1);
            }
        }
        assertThatThrownBy(() -> EmbeddedPostgresServer.createDatabases(server, EmbeddedPostgresServer.USER, "", List.of("iop_plan")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(server);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
