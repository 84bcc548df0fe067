package care.iop.session.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.Resource;

import care.iop.testing.FhirValidation;

/**
 * {@link FhirValidation} for the resources of session-service: zero errors, and no warning beyond those the one list
 * {@link FhirValidation#TOLERATED} names with its reason (codes of external terminologies, the Part 2 labels).
 */
public final class SessionFhirValidation {
    public static final String US_CORE_ENCOUNTER = FhirValidation.US_CORE + "us-core-encounter";

    private SessionFhirValidation() {
    }

    /** The problems of {@code resource} against R4 and {@code profiles} ({@link FhirValidation#TOLERATED} applies). */
    public static List<String> problems(Resource resource, String... profiles) {
        return FhirValidation.validate(resource, profiles);
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
