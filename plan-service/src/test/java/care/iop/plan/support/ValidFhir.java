package care.iop.plan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hl7.fhir.r4.model.Resource;

import care.iop.testing.FhirValidation;

/**
 * Validates what plan-service's FHIR faces return against R4 and the profiles each resource claims, with
 * {@link FhirValidation}: no error. Warnings that {@link FhirValidation#TOLERATED} does not list yet are printed, not
 * counted: those this service meets (an unresolvable LOINC questionnaire, a goal described by text) are reported for
 * that one list.
 */
public final class ValidFhir {
    private ValidFhir() {
    }

    public static void assertValid(Resource resource) {
        String[] profiles = resource.getMeta().getProfile().stream().map(p -> p.getValue()).toArray(String[]::new);
        List<String> problems = FhirValidation.validate(resource, profiles);
        problems.stream().filter(p -> p.startsWith("WARNING")).forEach(p -> System.out.println(
                "FHIR validation warning, " + resource.fhirType() + "/" + resource.getIdPart() + ": " + p));
        assertThat(problems.stream().filter(p -> !p.startsWith("WARNING")).toList())
                .as(resource.fhirType() + "/" + resource.getIdPart() + " against R4 and " + List.of(profiles)).isEmpty();
    }

    public static void assertValid(List<? extends Resource> resources) {
        resources.forEach(ValidFhir::assertValid);
    }
}
