package care.iop.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import care.iop.platform.audit.AuditLog;
import care.iop.platform.problem.ProblemException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: subject, roles and, for a {@code patient} token, the patient it belongs to; for a {@code clinician} token
 * of the identity provider that maps it, the clinician (registry id) it belongs to.
 */
@RequestScoped
public class CurrentUser {
    public static final String PATIENT_ID_CLAIM = "patient_id";
    /** The clinician (participant-service id) a {@code clinician} token belongs to: who signs a plan as its author. */
    public static final String CLINICIAN_ID_CLAIM = "clinician_id";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    @Inject
    AuditLog audit;

    public String subject() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** True when the caller acts only as a patient (no staff role), so it may see only its own data. */
    public boolean isPatientOnly() {
        return identity.hasRole(Roles.PATIENT) && !identity.hasRole(Roles.ADMIN) && !identity.hasRole(Roles.CLINICIAN)
                && !identity.hasRole(Roles.SCHEDULER) && !identity.hasRole(Roles.INTEGRATION);
    }

    public Optional<UUID> patientId() {
        return uuidClaim(PATIENT_ID_CLAIM);
    }

    /** The {@value #CLINICIAN_ID_CLAIM} claim of the token, when present and a UUID; only a {@code clinician} token's counts. */
    public Optional<UUID> clinicianId() {
        return identity.hasRole(Roles.CLINICIAN) ? uuidClaim(CLINICIAN_ID_CLAIM) : Optional.empty();
    }

    private Optional<UUID> uuidClaim(String name) {
        Object claim = jwt.getClaim(name);
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * For an endpoint that checks roles itself ({@code @PermitAll}, e.g. one that also takes a signed
     * link): 401 without a token, 403 (audited as denied) without any of {@code roles}, as
     * {@code @RolesAllowed} would answer.
     */
    public void requireAnyRole(String... roles) {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return;
            }
        }
        throw new ForbiddenException();
    }

    /**
     * For a patient-only caller, 404 unless {@code patientId} is its own (never revealing that another
     * patient exists), recorded as a denied access to that patient's data; staff pass.
     */
    public void requireAccessToPatient(UUID patientId, String resourceType, Object resourceId) {
        if (isPatientOnly() && !patientId().map(patientId::equals).orElse(false)) {
            audit.deniedPatientAccess(resourceType, resourceId, patientId);
            throw ProblemException.notFound(resourceType, resourceId);
        }
    }
}
