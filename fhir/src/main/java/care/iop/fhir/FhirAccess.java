package care.iop.fhir;

import care.iop.platform.security.CurrentUser;
import care.iop.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SMART v2 scopes on top of the roles: a FHIR interaction needs a role the JSON API would accept for the same data
 * (the resource methods' {@code @RolesAllowed}) and a granted scope covering the resource type and the interaction.
 * Which context a token may use follows who it is: {@code patient/} scopes only for a patient's own token (its data
 * only), {@code user/} for staff, {@code system/} for backend services (the integration and admin roles).
 */
@RequestScoped
public class FhirAccess {
    @Inject
    JsonWebToken jwt;

    @Inject
    CurrentUser user;

    private List<SmartScope> scopes;

    /** 403 {@code OperationOutcome} unless a granted scope covers {@code interaction} on {@code resourceType}. */
    public void require(String resourceType, Interaction interaction) {
        if (!grants(resourceType, interaction)) {
            throw FhirException.forbidden("This interaction needs a SMART scope granting '" + interaction.letter() + "' on "
                    + resourceType + " (for example " + example(resourceType, interaction) + "); the token grants "
                    + (scopes().isEmpty() ? "no FHIR scope" : scopes()));
        }
        if (user.isPatientOnly() && patientContext().isEmpty()) {
            throw FhirException.forbidden("A patient token without a patient_id claim has no patient context");
        }
    }

    public boolean grants(String resourceType, Interaction interaction) {
        return scopes().stream().anyMatch(scope -> scope.grants(resourceType, interaction));
    }

    /** The patient a patient-only caller is limited to; empty for staff and backend services. */
    public Optional<UUID> patientContext() {
        return user.isPatientOnly() ? user.patientId() : Optional.empty();
    }

    /** 404 (never revealing that the record exists) when a patient-only caller asks for another patient's record. */
    public void requirePatient(UUID patientId, String resourceType, Object resourceId) {
        user.requireAccessToPatient(patientId, resourceType, resourceId);
    }

    /** True when a {@code system/} scope was granted: a backend service, the only caller that may bulk export. */
    public boolean isSystem() {
        return scopes().stream().anyMatch(scope -> scope.context().equals(SmartScope.SYSTEM));
    }

    /** The scopes of the token this caller may use (see the class comment). */
    public List<SmartScope> scopes() {
        if (scopes == null) {
            scopes = usable(tokenScopes());
        }
        return scopes;
    }

    private List<SmartScope> usable(List<String> granted) {
        boolean patientOnly = user.isPatientOnly();
        boolean staff = user.hasRole(Roles.CLINICIAN) || user.hasRole(Roles.ADMIN) || user.hasRole(Roles.SCHEDULER)
                || user.hasRole(Roles.INTEGRATION);
        boolean backend = user.hasRole(Roles.INTEGRATION) || user.hasRole(Roles.ADMIN);
        List<SmartScope> usable = new ArrayList<>();
        for (String text : granted) {
            SmartScope.parse(text).filter(scope -> switch (scope.context()) {
                case SmartScope.PATIENT -> patientOnly;
                case SmartScope.USER -> staff;
                default -> backend;
            }).ifPresent(usable::add);
        }
        return usable;
    }

    private List<String> tokenScopes() {
        if (jwt == null || jwt.getRawToken() == null) {
            return List.of();
        }
        Object claim = jwt.getClaim("scope");
        if (claim == null) {
            claim = jwt.getClaim("scp");
        }
        List<String> scopes = new ArrayList<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> scopes.add(value.toString().replace("\"", "")));
        } else if (claim != null) {
            for (String scope : claim.toString().replace("\"", "").split("\\s+")) {
                if (!scope.isBlank()) {
                    scopes.add(scope);
                }
            }
        }
        return scopes;
    }

    private String example(String resourceType, Interaction interaction) {
        String context = user.isPatientOnly() ? SmartScope.PATIENT
                : user.hasRole(Roles.INTEGRATION) ? SmartScope.SYSTEM : SmartScope.USER;
        return context + "/" + resourceType + "." + interaction.letter();
    }
}
