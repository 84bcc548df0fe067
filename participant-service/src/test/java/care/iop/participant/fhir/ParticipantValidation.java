package care.iop.participant.fhir;

import java.util.List;
import java.util.regex.Pattern;

import org.hl7.fhir.instance.model.api.IBaseResource;

import care.iop.testing.FhirValidation;

/**
 * {@link FhirValidation} for this module's resources, with two more tolerated warnings than its list has (both reported
 * to the lead for {@code FhirValidation.TOLERATED}; its patterns miss how HAPI 8.8 words them):
 * <ul>
 * <li>"CodeSystem is unknown and can't be validated: http://loinc.org ...": a code of an external terminology this
 * offline validator has no copy of. The only LOINC code here is Consent.category 59284-0 (Patient Consent), fixed in
 * {@link ConsentMapper};</li>
 * <li>"The Coding provided (http://terminology.hl7.org/CodeSystem/v3-ActCode#42CFRPart2) was not found in the value set
 * 'SecurityLabels'": the 42 CFR Part 2 policy label the foundation's {@code Part2Labels} puts on disclosed records; the
 * binding of {@code meta.security} is extensible and the code is HL7's own (ActPrivacyLaw), not in R4's expansion.</li>
 * </ul>
 */
final class ParticipantValidation {
    private static final List<Pattern> ALSO_TOLERATED = List.of(
            Pattern.compile("WARNING .*CodeSystem is unknown and can't be validated: http://loinc\\.org .*"),
            Pattern.compile("WARNING .*meta\\.security.*v3-ActCode#42CFRPart2\\) was not found in the value set 'SecurityLabels'.*"));

    private ParticipantValidation() {
    }

    /** The problems FhirValidation reports, against R4 and {@code profile} (null: R4 only), less the two warnings above. */
    static List<String> problems(IBaseResource resource, String profile) {
        List<String> problems = profile == null ? FhirValidation.validate(resource) : FhirValidation.validate(resource, profile);
        return problems.stream().filter(p -> ALSO_TOLERATED.stream().noneMatch(t -> t.matcher(p.replace('\n', ' ')).matches())).toList();
    }
}
