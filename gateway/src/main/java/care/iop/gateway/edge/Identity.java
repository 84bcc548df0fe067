package care.iop.gateway.edge;

import java.util.Set;

/** Who a verified token belongs to: subject and roles ({@code groups}). */
public record Identity(String subject, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
