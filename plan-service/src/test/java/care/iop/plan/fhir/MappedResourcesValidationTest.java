package care.iop.plan.fhir;

import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import care.iop.plan.fhir.mapping.CarePlanMapper;
import care.iop.plan.fhir.mapping.GoalMapper;
import care.iop.plan.fhir.mapping.QuestionnaireResponseMapper;
import care.iop.plan.fhir.mapping.SafetyFlagMapper;
import care.iop.plan.fhir.mapping.ScreeningObservationMapper;
import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.plan.support.ValidFhir;
import care.iop.testing.FhirValidation;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every shape the mappers produce (every plan status, a scheduler's plan, every goal, objective and intervention kind,
 * every instrument, clinician-entered and self-reported, open and closed flags) validates against R4 and the US Core
 * profile it claims with no error ({@link ValidFhir}). A {@code QuarkusTest} only to share the class loader of the
 * module's other tests: the validator loaded by a plain test after them clashes with theirs ({@code javax.xml} classes).
 */
@QuarkusTest
class MappedResourcesValidationTest {

    @BeforeAll
    static void packageAvailable() {
        FhirValidation.assumeAvailable();
    }

    @Test
    void carePlansAndGoals() {
        List<Resource> resources = new ArrayList<>();
        for (String status : List.of("draft", "active", "on-hold", "completed", "revoked", "entered-in-error")) {
            resources.add(CarePlanMapper.toFhir(FhirSamples.plan(status)));
        }
        resources.add(CarePlanMapper.toFhir(FhirSamples.plan("active").withoutClinicalContent()));
        resources.addAll(GoalMapper.toFhir(FhirSamples.plan("active")));
        assertValid(resources);
    }

    @Test
    void questionnaireResponsesAndObservations() {
        List<Resource> resources = new ArrayList<>();
        FhirSamples.assessments().forEach(a -> {
            resources.add(QuestionnaireResponseMapper.toFhir(a));
            resources.add(ScreeningObservationMapper.toFhir(a));
        });
        assertValid(resources);
    }

    @Test
    void flags() {
        assertValid(List.of(SafetyFlagMapper.toFhir(FhirSamples.flag(SafetyFlag.Status.OPEN)),
                SafetyFlagMapper.toFhir(FhirSamples.flag(SafetyFlag.Status.ACKNOWLEDGED))));
    }

    private static void assertValid(List<Resource> resources) {
        ValidFhir.assertValid(resources);
    }
}
