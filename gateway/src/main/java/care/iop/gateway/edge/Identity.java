package care.iop.gateway.edge;

import java.util.Set;

/**
 * Who a verified token belongs to: subject, roles ({@code groups}), the calling client ({@code azp}, else {@code client_id};
 * may be null) and, for a clinician's token, the clinician it belongs to (claim {@code clinician_id}, as the services read
 * it; may be null).
 */
public record Identity(String subject, Set<String> roles, String client, String clinicianId) {

    public Identity(String subject, Set<String> roles) {
        this(subject, roles, null, null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
