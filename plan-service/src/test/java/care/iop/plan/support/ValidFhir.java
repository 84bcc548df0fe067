package care.iop.plan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hl7.fhir.r4.model.Resource;

import care.iop.testing.FhirValidation;

/**
 * Validates what plan-service's FHIR faces return against R4 and the profiles each resource claims, with
 * {@link FhirValidation}: no error, and no warning beyond those the one list {@link FhirValidation#TOLERATED} names with
 * its reason (for this service: LOINC codes and questionnaires the offline package lacks, a goal described by text).
 */
public final class ValidFhir {
    private ValidFhir() {
    }

    public static void assertValid(Resource resource) {
        String[] profiles = resource.getMeta().getProfile().stream().map(p -> p.getValue()).toArray(String[]::new);
        List<String> problems = FhirValidation.validate(resource, profiles);
        assertThat(problems)
                .as(resource.fhirType() + "/" + resource.getIdPart() + " against R4 and " + List.of(profiles)).isEmpty();
    }

    public static void assertValid(List<? extends Resource> resources) {
        resources.forEach(ValidFhir::assertValid);
    }
}
