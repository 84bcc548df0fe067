package care.iop.plan.fhir.rest;

import java.util.List;
import java.util.Map;

import care.iop.platform.security.CurrentUser;
import care.iop.platform.security.Roles;

/**
 * Who may read each FHIR type here: the roles the JSON API admits for the same data (docs/security.md). Plans: everyone
 * who reads plans (a scheduler without the clinical content, so without goals); goals: the plan's clinical content;
 * assessments (QuestionnaireResponse, Observation): clinicians, admins and the patient; safety flags: clinicians and
 * admins. The resource methods carry the same roles in {@code @RolesAllowed}; $everything and export ask here.
 */
final class FhirPlanRoles {
    static final Map<String, List<String>> READERS = Map.of(
            "CarePlan", List.of(Roles.CLINICIAN, Roles.ADMIN, Roles.SCHEDULER, Roles.INTEGRATION, Roles.PATIENT),
            "Goal", List.of(Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION, Roles.PATIENT),
            "QuestionnaireResponse", List.of(Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT),
            "Observation", List.of(Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT),
            "Flag", List.of(Roles.CLINICIAN, Roles.ADMIN));

    private FhirPlanRoles() {
    }

    /** True when the caller has a role that reads {@code type}; a patient-only caller only with the patient role listed. */
    static boolean mayRead(CurrentUser user, String type) {
        List<String> roles = READERS.get(type);
        if (user.isPatientOnly()) {
            return roles.contains(Roles.PATIENT);
        }
        return roles.stream().filter(role -> !role.equals(Roles.PATIENT)).anyMatch(user::hasRole);
    }
}
