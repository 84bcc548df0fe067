package care.iop.participant.fhir;

import static care.iop.participant.fhir.FhirApi.BASE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Extension;
import org.junit.jupiter.api.Test;

import care.iop.fhir.Fhir;
import care.iop.testing.FhirValidation;
import io.quarkus.test.junit.QuarkusTest;

/** This service's capability statement declares its four types, and every SHALL search of US Core for Patient and Practitioner. */
@QuarkusTest
class ParticipantMetadataTest {

    private static CapabilityStatement metadata() {
        String body = given().accept(FhirApi.FHIR_JSON).get(BASE + "/metadata").then().statusCode(200).extract().asString();
        return Fhir.json().parseResource(CapabilityStatement.class, body);
    }

    private static CapabilityStatementRestResourceComponent resource(CapabilityStatement statement, String type) {
        return statement.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals(type)).findFirst().orElseThrow();
    }

    private static Set<String> searches(CapabilityStatementRestResourceComponent resource) {
        Set<String> names = new HashSet<>();
        resource.getSearchParam().forEach(p -> names.add(p.getName()));
        return names;
    }

    @Test
    void declaresWhatIsImplemented() {
        CapabilityStatement statement = metadata();
        assertThat(statement.getRestFirstRep().getResource()).extracting(CapabilityStatementRestResourceComponent::getType)
                .contains("Consent", "Patient", "Practitioner", "PractitionerRole");
        CapabilityStatementRestResourceComponent patient = resource(statement, "Patient");
        assertThat(patient.getInteraction()).extracting(i -> i.getCode().toCode()).containsExactlyInAnyOrder("read", "vread", "search-type",
                "create", "update");
        assertThat(patient.getSupportedProfile()).extracting(p -> p.getValue()).containsExactly(ParticipantFhirUrls.US_CORE_PATIENT);
        assertThat(searches(patient)).containsExactlyInAnyOrder("_id", "identifier", "name", "family", "given", "birthdate", "gender", "_lastUpdated");
        assertThat(searches(resource(statement, "Consent"))).containsExactlyInAnyOrder("patient", "status", "_id", "_lastUpdated");
        assertThat(resource(statement, "Consent").getSearchInclude()).extracting(s -> s.getValue()).containsExactly("Consent:patient");
        assertThat(resource(statement, "PractitionerRole").getSearchInclude()).extracting(s -> s.getValue())
                .containsExactly("PractitionerRole:practitioner");
        assertThat(resource(statement, "Practitioner").getInteraction()).extracting(i -> i.getCode().toCode())
                .containsExactlyInAnyOrder("read", "vread", "search-type");
    }

    @Test
    void coversTheShallSearchesOfUsCoreForPatientAndPractitioner() throws IOException {
        CapabilityStatement usCore;
        try (InputStream in = FhirValidation.usCore().load("package", "CapabilityStatement-us-core-server.json")) {
            usCore = Fhir.json().parseResource(CapabilityStatement.class, in);
        }
        CapabilityStatement ours = metadata();
        for (String type : List.of("Patient", "Practitioner")) {
            CapabilityStatementRestResourceComponent theirs = usCore.getRestFirstRep().getResource().stream()
                    .filter(r -> r.getType().equals(type)).findFirst().orElseThrow();
            Set<String> shall = new HashSet<>();
            theirs.getSearchParam().stream().filter(p -> "SHALL".equals(expectation(p.getExtension()))).forEach(p -> shall.add(p.getName()));
            assertThat(shall).as(type).isNotEmpty();
            assertThat(searches(resource(ours, type))).as(type).containsAll(shall);
        }
    }

    private static String expectation(List<Extension> extensions) {
        return extensions.stream().filter(e -> e.getUrl().endsWith("capabilitystatement-expectation"))
                .map(e -> e.getValue().primitiveValue()).findFirst().orElse(null);
    }
}
