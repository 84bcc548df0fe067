package care.iop.system.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;

/** The comparison UsCoreCapabilityIT relies on, against US Core's own statement (no stack needed). */
class UsCoreServerTest {
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private static CapabilityStatement usCore() throws Exception {
        Path file = UsCoreServer.packageFile().orElse(null);
        Assumptions.assumeTrue(file != null, "Skipped: " + UsCoreServer.PACKAGE + " is not beside the checkout (see ../shared/fhir/README.md)");
        return UsCoreServer.statement(FHIR, file);
    }

    @Test
    void usCoreMeetsItselfAndEveryDroppedShallIsNamed() throws Exception {
        CapabilityStatement usCore = usCore();
        assertThat(UsCoreServer.missing(usCore, usCore)).isEmpty();
        assertThat(UsCoreServer.types(usCore)).contains("Patient", "Observation", "CarePlan", "Goal", "Encounter");

        CapabilityStatement weaker = usCore.copy();
        var patient = weaker.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Patient")).findFirst().orElseThrow();
        patient.getSearchParam().removeIf(p -> p.getName().equals("identifier") || p.getName().equals("gender"));
        patient.getInteraction().removeIf(i -> i.getCode().toCode().equals("read"));
        assertThat(UsCoreServer.missing(usCore, weaker)).containsExactlyInAnyOrder("Patient: interaction read",
                "Patient: search parameter identifier", "Patient: search combination gender+name");
    }

    @Test
    void typesTheServerDoesNotServeAreNotRequired() throws Exception {
        CapabilityStatement usCore = usCore();
        CapabilityStatement onlyGoals = new CapabilityStatement();
        onlyGoals.getRestFirstRep().addResource().setType("Goal");
        assertThat(UsCoreServer.missing(usCore, onlyGoals)).containsExactlyInAnyOrder("Goal: interaction search-type", "Goal: interaction read",
                "Goal: search parameter patient");
    }
}
