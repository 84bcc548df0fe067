package care.iop.gateway.edge;

import java.util.Set;

/**
 * Who a verified token belongs to: subject, roles ({@code groups}), the calling client ({@code azp}, else {@code client_id};
 * may be null), for a clinician's token the clinician it belongs to (claim {@code clinician_id}, as the services read
 * it; may be null), and the SMART scopes it was granted (claim {@code scope}, space-separated; empty when absent).
 */
public record Identity(String subject, Set<String> roles, String client, String clinicianId, Set<String> scopes) {

    public Identity(String subject, Set<String> roles) {
        this(subject, roles, null, null, Set.of());
    }

    public Identity(String subject, Set<String> roles, String client, String clinicianId) {
        this(subject, roles, client, clinicianId, Set.of());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
