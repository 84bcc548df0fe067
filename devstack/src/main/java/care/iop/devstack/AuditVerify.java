package care.iop.devstack;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * {@code ./iop audit verify}: verifies the audit hash chain of each service database of the local stack
 * with the database function {@code audit_verify} (the one behind {@code GET /api/v1/audit/verify}),
 * connected as the application role, and prints one line per service.
 */
final class AuditVerify {
    static final int VALID = 0;
    static final int BROKEN = 1;
    static final int UNREACHABLE = 2;

    private AuditVerify() {
    }

    /** @return {@link #VALID} when every chain verifies, {@link #BROKEN} when one is broken, {@link #UNREACHABLE} when a database cannot be read */
    static int run(LocalStack stack, PrintStream out) {
        DatabaseRoles roles = stack.databaseRoles();
        int status = VALID;
        out.printf("%-20s %-7s %s%n", "SERVICE", "CHAIN", "DETAIL");
        for (Component service : Component.SERVICES) {
            String url = stack.jdbcBase() + "/" + service.database();
            try (Connection connection = DriverManager.getConnection(url, roles.app(), roles.appPassword());
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select * from audit_verify()")) {
                rs.next();
                String counts = rs.getLong("sealed_rows") + " sealed, " + rs.getLong("unsealed_rows") + " not sealed yet";
                if (rs.getBoolean("valid")) {
                    byte[] head = rs.getBytes("head_hash");
                    out.printf("%-20s %-7s %s%s%n", service.name(), "VALID", counts,
                            head == null ? "" : "; head " + rs.getLong("head_seq") + " " + HexFormat.of().formatHex(head));
                } else {
                    Long id = rs.getObject("broken_id", Long.class);
                    out.printf("%-20s %-7s %s at link %d%s: %s%n", service.name(), "BROKEN", rs.getString("problem"), rs.getLong("broken_seq"),
                            id == null ? "" : " (audit id " + id + ")", rs.getString("detail"));
                    out.printf("%-20s %-7s %s%n", "", "", counts);
                    status = BROKEN;
                }
            } catch (SQLException e) {
                out.printf("%-20s %-7s cannot read %s: %s%n", service.name(), "?", url, e.getMessage());
                status = Math.max(status, UNREACHABLE);
            }
        }
        return status;
    }
}
