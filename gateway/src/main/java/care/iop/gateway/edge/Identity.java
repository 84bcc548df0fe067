package care.iop.gateway.edge;

import java.util.Set;

/** Who a verified token belongs to: subject, roles ({@code groups}) and expiry (epoch seconds). */
public record Identity(String subject, Set<String> roles, long expiresAt) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean expired(long nowEpochSeconds) {
        return expiresAt > 0 && nowEpochSeconds >= expiresAt;
    }
}
