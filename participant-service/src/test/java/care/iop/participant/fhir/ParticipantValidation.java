package care.iop.participant.fhir;

import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;

import care.iop.testing.FhirValidation;

/**
 * {@link FhirValidation} for this module's resources: the problems it reports (errors, and warnings that
 * {@link FhirValidation#TOLERATED}, the one list of tolerated warnings, does not match).
 */
final class ParticipantValidation {
    private ParticipantValidation() {
    }

    /** The problems FhirValidation reports, against R4 and {@code profile} (null: R4 only). */
    static List<String> problems(IBaseResource resource, String profile) {
        return profile == null ? FhirValidation.validate(resource) : FhirValidation.validate(resource, profile);
    }
}
