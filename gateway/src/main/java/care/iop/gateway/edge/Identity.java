package care.iop.gateway.edge;

import java.util.Set;

/** Who a verified token belongs to: subject, roles ({@code groups}) and the calling client ({@code azp}, else {@code client_id}; may be null). */
public record Identity(String subject, Set<String> roles, String client) {

    public Identity(String subject, Set<String> roles) {
        this(subject, roles, null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
