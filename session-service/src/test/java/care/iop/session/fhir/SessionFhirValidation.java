package care.iop.session.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.Resource;

import care.iop.testing.FhirValidation;

/**
 * {@link FhirValidation} for the resources of session-service: zero errors, and no warning beyond the tolerated ones.
 * The Encounter type's codes (CPT, SNOMED CT) and the Part 2 security labels draw warnings worded differently from those
 * {@link FhirValidation#TOLERATED} matches; {@link #ALSO_TOLERATED} lists them with the reason, to be moved into that one
 * list (reported to the lead).
 */
public final class SessionFhirValidation {
    public static final String US_CORE_ENCOUNTER = FhirValidation.US_CORE + "us-core-encounter";

    /** Warnings about the external terminologies of US Core Encounter.type, as HAPI 8.8 words them. */
    static final List<FhirValidation.Tolerated> ALSO_TOLERATED = List.of(
            new FhirValidation.Tolerated(Pattern.compile(".*(Unable to expand ValueSet|CodeSystem is unknown and can't be validated)"
                    + ".*(http://www\\.ama-assn\\.org/go/cpt|http://snomed\\.info/sct).*"),
                    "CPT and SNOMED CT (the US Core Encounter Type value set) are external terminologies this offline validator "
                            + "has no copy of, so it can neither expand the value set nor check the code"),
            new FhirValidation.Tolerated(Pattern.compile(".*None of the codings provided are in the value set 'US Core Encounter Type'"
                    + ".*\\(codes = (http://www\\.ama-assn\\.org/go/cpt|http://snomed\\.info/sct)#\\d+\\)"),
                    "follows from the above: the value set includes every CPT code and the SNOMED CT descendants of 308335008 "
                            + "(extensible binding), which the validator cannot expand"),
            new FhirValidation.Tolerated(Pattern.compile(".*meta\\.security.*The Coding provided \\(http://terminology\\.hl7\\.org/CodeSystem/"
                    + "v3-ActCode#(42CFRPart2|ETH|NORDSCLCD)\\) was not found in the value set 'SecurityLabels'.*"),
                    "the Part 2 labels of the foundation (Part2Labels): 42CFRPart2 (ActPrivacyLaw), ETH and NORDSCLCD are v3 ActCodes of "
                            + "the R4 security-labels value set (extensible), which the offline in-memory expansion does not reach"));

    private SessionFhirValidation() {
    }

    /** The problems of {@code resource} against R4 and {@code profiles}, less {@link #ALSO_TOLERATED}. */
    public static List<String> problems(Resource resource, String... profiles) {
        return FhirValidation.validate(resource, profiles).stream()
                .filter(problem -> !(problem.startsWith("WARNING ")
                        && ALSO_TOLERATED.stream().anyMatch(t -> t.message().matcher(problem.replace('\n', ' ')).matches())))
                .toList();
    }

    /** Asserts {@code resource} valid (see {@link #problems}); returns it. */
    public static <R extends Resource> R valid(R resource, String... profiles) {
        assertThat(problems(resource, profiles)).as(resource.fhirType() + "/" + resource.getIdElement().getIdPart() + " validation").isEmpty();
        return resource;
    }

    /** Asserts {@code resource} valid, against US Core Encounter too when it is an Encounter. */
    public static <R extends Resource> R validAsServed(R resource) {
        return "Encounter".equals(resource.fhirType()) ? valid(resource, US_CORE_ENCOUNTER) : valid(resource);
    }
}
