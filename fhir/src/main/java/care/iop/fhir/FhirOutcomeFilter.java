package care.iop.fhir;

import care.iop.platform.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.annotation.Annotation;

/**
 * On FHIR paths, a refusal of the services the FHIR faces reuse (a {@link Problem} of the JSON API: bean validation,
 * booking rules, 401/403/404) becomes the same refusal as an {@code OperationOutcome}, so a FHIR client never sees
 * problem+json and the rules are written once.
 */
public class FhirOutcomeFilter {
    private static final MediaType FHIR_JSON = MediaType.valueOf(FhirMedia.FHIR_JSON);

    @ServerResponseFilter
    public void toOperationOutcome(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && isFhirPath(request)) {
            response.setEntity(OperationOutcomes.of(problem), new Annotation[0], FHIR_JSON);
        }
    }

    static boolean isFhirPath(ContainerRequestContext request) {
        return request.getUriInfo().getPath().startsWith(FhirMedia.BASE_PATH + "/");
    }
}
