package care.iop.plan.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;

import care.iop.fhir.Fhir;
import care.iop.plan.fhir.rest.PlanFhirExamples;
import care.iop.plan.support.PlanFixtures;
import care.iop.testing.FhirValidation;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the service says about its FHIR faces holds: /metadata declares every search US Core's server statement makes a
 * SHALL for the types served here, and the documented QuestionnaireResponse examples are recorded as they are.
 */
@QuarkusTest
class PlanFhirDocumentationTest {
    static final List<String> TYPES = List.of("CarePlan", "Goal", "Observation", "QuestionnaireResponse", "Flag");
    static final String EXAMPLE_PATIENT = "7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static CapabilityStatement metadata() {
        String body = given().accept(FhirApi.FHIR_JSON).get(FhirApi.BASE + "/metadata").then().statusCode(200).extract().asString();
        return Fhir.json().parseResource(CapabilityStatement.class, body);
    }

    @Test
    void metadataDeclaresEverySearchUsCoreRequiresOfTheTypesServedHere() throws Exception {
        Map<String, CapabilityStatementRestResourceComponent> ours = metadata().getRestFirstRep().getResource().stream()
                .collect(Collectors.toMap(CapabilityStatementRestResourceComponent::getType, r -> r));
        assertThat(ours.keySet()).containsAll(TYPES);

        CapabilityStatement usCore = (CapabilityStatement) Fhir.json().parseResource(new String(FhirValidation.usCore().getFolders()
                .get("package").fetchFile("CapabilityStatement-us-core-server.json"), java.nio.charset.StandardCharsets.UTF_8));
        for (CapabilityStatementRestResourceComponent required : usCore.getRestFirstRep().getResource()) {
            if (!TYPES.contains(required.getType())) {
                continue;
            }
            Set<String> declared = ours.get(required.getType()).getSearchParam().stream()
                    .map(CapabilityStatementRestResourceSearchParamComponent::getName).collect(Collectors.toSet());
            for (CapabilityStatementRestResourceSearchParamComponent param : required.getSearchParam()) {
                if ("SHALL".equals(expectation(param.getExtension()))) {
                    assertThat(declared).as(required.getType() + " SHALL search " + param.getName()).contains(param.getName());
                }
            }
            for (Extension combination : required.getExtensionsByUrl("http://hl7.org/fhir/StructureDefinition/capabilitystatement-search-parameter-combination")) {
                if ("SHALL".equals(expectation(combination.getExtension()))) {
                    List<String> names = combination.getExtensionsByUrl("required").stream().map(e -> e.getValue().primitiveValue()).toList();
                    assertThat(declared).as(required.getType() + " SHALL combination " + names).containsAll(names);
                }
            }
            assertThat(ours.get(required.getType()).getSupportedProfile()).extracting(p -> p.getValue())
                    .allSatisfy(p -> assertThat(required.getSupportedProfile()).extracting(s -> s.getValue()).contains(p));
        }
    }

    private static String expectation(List<Extension> extensions) {
        return extensions.stream().filter(e -> e.getUrl().endsWith("capabilitystatement-expectation")).map(e -> e.getValue().primitiveValue())
                .findFirst().orElse(null);
    }

    @Test
    void theDocumentedResponsesAreRecordedAsTheyAre() {
        for (String example : List.of(PlanFhirExamples.PHQ9_RESPONSE, PlanFhirExamples.DAST10_RESPONSE)) {
            UUID patient = new PlanFixtures(bootstrap, ds).patientAndClinician()[0];
            var created = FhirApi.post(FhirApi.clinician(), "/QuestionnaireResponse", example.replace(EXAMPLE_PATIENT, patient.toString()));
            assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
            assertThat(FhirApi.resource(created, QuestionnaireResponse.class).getSubject().getReference()).isEqualTo("Patient/" + patient);
        }
    }
}
