package care.iop.gateway.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Extension;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import care.iop.gateway.Callers;
import care.iop.gateway.GatewayTestResources;
import care.iop.testing.FhirValidation;

/** {@code GET /fhir/R4/metadata}: one CapabilityStatement over the three services', public, read as HAPI reads it. */
@QuarkusTest
class FhirMetadataTest {
    static final FhirContext FHIR = FhirContext.forR4Cached();

    @ConfigProperty(name = GatewayTestResources.CONTROL_URL)
    String control;

    @Inject
    MetadataEndpoint endpoint;

    static CapabilityStatement parse(String json) {
        IParser parser = FHIR.newJsonParser();
        parser.setParserErrorHandler(new StrictErrorHandler());
        return parser.parseResource(CapabilityStatement.class, json);
    }

    private static RequestSpecification anonymous(String address) {
        return Callers.from(address);
    }

    @Test
    void theServicesResourcesMergedWithTheFrontDoorsOwnStatementWithoutAToken() {
        String json = anonymous("127.0.0.61").header("Authorization", "Bearer not.a.token") // a bad token does not matter here
                .when().get("/fhir/R4/metadata")
                .then().statusCode(200).contentType(startsWith("application/fhir+json"))
                .body(not(containsString("-part")))
                .extract().asString();
        CapabilityStatement statement = parse(json);
        assertThat(FhirValidation.validate(statement)).as("R4 validation of the merged statement").isEmpty();
        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(statement.getKind().toCode()).isEqualTo("instance");
        assertThat(statement.getStatus().toCode()).isEqualTo("active");
        assertThat(statement.getFormat()).extracting(f -> f.getValue()).contains("application/fhir+json", "json");
        assertThat(statement.getInstantiates()).extracting(i -> i.getValue())
                .contains("http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server");
        assertThat(statement.getSoftware().getName()).isEqualTo("IOP Care");
        assertThat(statement.getSoftware().getVersion()).isNotBlank();
        assertThat(statement.getImplementation().getUrl()).matches("http://localhost:\\d+/fhir/R4");

        CapabilityStatement.CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        assertThat(rest.getMode().toCode()).isEqualTo("server");
        assertThat(rest.getSecurity().getServiceFirstRep().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/restful-security-service");
        assertThat(rest.getSecurity().getServiceFirstRep().getCodingFirstRep().getCode()).isEqualTo("SMART-on-FHIR");
        Extension uris = rest.getSecurity().getExtensionByUrl("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
        assertThat(uris.getExtensionByUrl("token").getValue().primitiveValue()).isEqualTo("https://id.example.test/token");
        assertThat(uris.getExtensionByUrl("authorize").getValue().primitiveValue()).endsWith("/protocol/openid-connect/auth");

        assertThat(rest.getResource()).extracting(CapabilityStatementRestResourceComponent::getType)
                .containsExactlyElementsOf(FhirTypes.types().stream().sorted().toList());
        assertThat(rest.getOperation()).isEmpty(); // the services' internal export-part is not the server's
        CapabilityStatementRestResourceComponent patient = resource(statement, "Patient");
        assertThat(patient.getOperation()).extracting(op -> op.getName() + " " + op.getDefinition()).containsExactly(
                "everything http://hl7.org/fhir/OperationDefinition/Patient-everything",
                "export http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export");
        assertThat(resource(statement, "Group").getOperation()).extracting(op -> op.getName() + " " + op.getDefinition())
                .containsExactly("export http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export");
        // what each service declared is kept as it declared it: interactions, search parameters, their expectations and combinations
        assertThat(resource(statement, "Observation").getSearchParam()).extracting(p -> p.getName() + ":"
                + p.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/capabilitystatement-expectation").getValue().primitiveValue())
                .containsExactly("_id:SHALL", "patient:SHALL");
        assertThat(resource(statement, "Encounter").getInteraction()).extracting(i -> i.getCode().toCode()).containsExactly("read", "search-type");
        assertThat(patient.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/capabilitystatement-search-parameter-combination")
                .getExtensionsByUrl("required")).extracting(e -> e.getValue().primitiveValue()).containsExactly("birthdate", "name");
    }

    @Test
    void theUrlsNameThePublicBaseAnIngressReports() {
        String json = Callers.from(Callers.TRUSTED_PROXY).header("X-Forwarded-For", "198.51.100.61").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "ehr-api.iop.example").header("X-Forwarded-Prefix", "/iop")
                .when().get("/fhir/R4/metadata").then().statusCode(200).extract().asString();
        CapabilityStatement statement = parse(json);
        assertThat(statement.getImplementation().getUrl()).isEqualTo("https://ehr-api.iop.example/iop/fhir/R4");
        assertThat(statement.getUrl()).isEqualTo("https://ehr-api.iop.example/iop/fhir/R4/metadata");
    }

    @Test
    void whileAServiceIsDownTheLastCompleteStatementIsServedMarkedStaleAndBeforeAnyThePartialOneSaysSo() {
        endpoint.forget(); // as the gateway starts
        given().post(control + "/participant/down").then().statusCode(200);
        try {
            CapabilityStatement partial = parse(anonymous("127.0.0.62").when().get("/fhir/R4/metadata")
                    .then().statusCode(200).header("X-IOP-Stale", nullValue()).extract().asString());
            assertThat(partial.getRestFirstRep().getResource()).extracting(CapabilityStatementRestResourceComponent::getType)
                    .doesNotContain("Patient", "Practitioner", "PractitionerRole", "Consent").contains("CarePlan", "Appointment");
            assertThat(partial.getDescription()).contains("Partial: the participant service(s) did not answer");

            given().post(control + "/participant/up").then().statusCode(200);
            CapabilityStatement complete = parse(anonymous("127.0.0.62").when().get("/fhir/R4/metadata")
                    .then().statusCode(200).header("X-IOP-Stale", nullValue()).extract().asString());
            assertThat(complete.getRestFirstRep().getResource()).hasSize(FhirTypes.types().size());
            assertThat(complete.getDescription()).doesNotContain("Partial");

            given().post(control + "/participant/down").then().statusCode(200);
            CapabilityStatement stale = parse(anonymous("127.0.0.62").when().get("/fhir/R4/metadata")
                    .then().statusCode(200).header("X-IOP-Stale", "true").extract().asString());
            assertThat(stale.getRestFirstRep().getResource()).extracting(CapabilityStatementRestResourceComponent::getType).contains("Patient");
        } finally {
            given().post(control + "/participant/up").then().statusCode(200);
        }
    }

    @Test
    void noServiceAnsweringBeforeAnyMergeIs503OperationOutcome() {
        endpoint.forget();
        List<String> names = List.of("participant", "plan", "session");
        names.forEach(name -> given().post(control + "/" + name + "/down").then().statusCode(200));
        try {
            anonymous("127.0.0.63").when().get("/fhir/R4/metadata")
                    .then().statusCode(503).contentType(startsWith("application/fhir+json"))
                    .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("transient"));
        } finally {
            names.forEach(name -> given().post(control + "/" + name + "/up").then().statusCode(200));
        }
    }

    private static CapabilityStatementRestResourceComponent resource(CapabilityStatement statement, String type) {
        return statement.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals(type)).findFirst().orElseThrow();
    }
}
