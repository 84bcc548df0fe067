package care.iop.system.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;

import care.iop.system.SystemStack;

/**
 * The gateway's {@code /fhir/R4/metadata} of the running stack (the three services' statements merged) declares every
 * SHALL of US Core 6.1's server CapabilityStatement for the resource types IOP Care serves: interactions, search
 * parameters and the parameters of each search combination. Skipped, saying why, when the package is not beside the
 * checkout.
 */
class UsCoreCapabilityIT {

    @Test
    void metadataDeclaresUsCoresShallSearchesForTheTypesWeServe() throws Exception {
        Path file = UsCoreServer.packageFile().orElse(null);
        Assumptions.assumeTrue(file != null, "Skipped: " + UsCoreServer.PACKAGE + " is not beside the checkout (see ../shared/fhir/README.md)");
        FhirContext fhir = FhirContext.forR4Cached();
        CapabilityStatement usCore = UsCoreServer.statement(fhir, file);
        IGenericClient client = fhir.newRestfulGenericClient(SystemStack.get().gatewayUrl() + "/fhir/R4");
        CapabilityStatement ours = client.capabilities().ofType(CapabilityStatement.class).execute();

        assertThat(ours.getInstantiates()).extracting(c -> c.getValue()).contains("http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server");
        List<String> served = ours.getRestFirstRep().getResource().stream().map(r -> r.getType()).toList();
        assertThat(served).as("the US Core types IOP Care serves").containsAll(List.of("Patient", "Practitioner", "PractitionerRole",
                "CarePlan", "Goal", "Observation", "QuestionnaireResponse", "Encounter"));
        assertThat(UsCoreServer.missing(usCore, ours)).as("US Core SHALLs our metadata does not declare").isEmpty();
    }
}
