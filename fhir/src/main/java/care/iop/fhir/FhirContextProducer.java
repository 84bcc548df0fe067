package care.iop.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the process's one {@link FhirContext} injectable. */
@ApplicationScoped
public class FhirContextProducer {
    @Produces
    @Singleton
    FhirContext fhirContext() {
        return Fhir.context();
    }
}
