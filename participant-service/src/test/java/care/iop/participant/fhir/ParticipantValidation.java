package care.iop.participant.fhir;

import java.util.List;
import java.util.regex.Pattern;

import org.hl7.fhir.instance.model.api.IBaseResource;

import care.iop.testing.FhirValidation;

/**
 * {@link FhirValidation} for this module's resources, with one more tolerated warning than its list has (reported to
 * the lead for {@code FhirValidation.TOLERATED}): HAPI 8.8 words the warning of a code from an external terminology
 * as "CodeSystem is unknown and can't be validated: http://loinc.org ...", which the list's pattern for LOINC codes
 * does not match. The only LOINC code here is Consent.category 59284-0 (Patient Consent), fixed in {@link ConsentMapper}.
 */
final class ParticipantValidation {
    private static final Pattern EXTERNAL_CODE = Pattern.compile("WARNING .*CodeSystem is unknown and can't be validated: http://loinc\\.org .*");

    private ParticipantValidation() {
    }

    /** The problems FhirValidation reports, against R4 and {@code profile} (null: R4 only), less the LOINC warning. */
    static List<String> problems(IBaseResource resource, String profile) {
        List<String> problems = profile == null ? FhirValidation.validate(resource) : FhirValidation.validate(resource, profile);
        return problems.stream().filter(p -> !EXTERNAL_CODE.matcher(p.replace('\n', ' ')).matches()).toList();
    }
}
