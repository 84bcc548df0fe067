package care.iop.participant.fhir;

import java.util.List;

import care.iop.platform.security.CurrentUser;
import care.iop.platform.security.Roles;

/**
 * Who reads what in the JSON API, for the FHIR answers that gather several types ($everything, bulk export): consents
 * are for program staff and the patient, clinicians for program staff, never for a caller outside the program. What a
 * caller may not read by search is left out there too.
 */
final class ReaderRoles {
    static final List<String> CONSENTS = List.of(Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.PATIENT);
    static final List<String> CLINICIANS = List.of(Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN);

    private ReaderRoles() {
    }

    static boolean any(CurrentUser user, List<String> roles) {
        return roles.stream().anyMatch(user::hasRole);
    }
}
