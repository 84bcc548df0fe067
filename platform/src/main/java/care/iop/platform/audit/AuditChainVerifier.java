package care.iop.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Verifies this service's audit hash chain: the database function {@code audit_verify}
 * (V6__audit_links.sql) walks every link in seq order in one snapshot, recomputes each hash and
 * names the first broken link; {@code ./iop audit verify} calls the same function.
 */
@ApplicationScoped
public class AuditChainVerifier {

    @Inject
    AgroalDataSource dataSource;

    /**
     * @param anchorSeq  a link recorded outside the database earlier, or null
     * @param anchorHash its hash then (required with {@code anchorSeq})
     */
    public AuditChainReport verify(Long anchorSeq, byte[] anchorHash) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement verify = connection.prepareStatement("select * from audit_verify(?, ?)")) {
            if (anchorSeq == null) {
                verify.setNull(1, Types.BIGINT);
                verify.setNull(2, Types.BINARY);
            } else {
                verify.setLong(1, anchorSeq);
                verify.setBytes(2, anchorHash);
            }
            try (ResultSet rs = verify.executeQuery()) {
                rs.next();
                return report(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The audit chain could not be verified", e);
        }
    }

    static AuditChainReport report(ResultSet rs) throws SQLException {
        boolean valid = rs.getBoolean("valid");
        byte[] head = rs.getBytes("head_hash");
        AuditChainReport.BrokenLink broken = valid ? null
                : new AuditChainReport.BrokenLink(rs.getLong("broken_seq"), rs.getObject("broken_id", Long.class),
                        rs.getString("problem"), rs.getString("detail"));
        return new AuditChainReport(valid, rs.getLong("sealed_rows"), rs.getLong("unsealed_rows"),
                rs.getObject("head_seq", Long.class), head == null ? null : HexFormat.of().formatHex(head), broken);
    }
}
