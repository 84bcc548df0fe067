package care.iop.fhir;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR request as the client made it: the public base URL (the gateway's, from the {@code X-Forwarded-*} headers it
 * sets, so links and {@code fullUrl}s point at the one FHIR base rather than at the service behind it), the path below
 * the base, and the query parameters.
 */
@RequestScoped
public class FhirRequest {
    @Inject
    HttpServerRequest request;

    public String baseUrl() {
        String proto = request.getHeader("X-Forwarded-Proto");
        String host = request.getHeader("X-Forwarded-Host");
        String prefix = request.getHeader("X-Forwarded-Prefix");
        String origin = (proto != null && host != null) ? proto + "://" + host
                : request.scheme() + "://" + request.authority();
        return origin + (prefix == null ? "" : stripSlash(prefix)) + FhirMedia.BASE_PATH;
    }

    /** The path below the base, e.g. {@code Patient} or {@code Patient/123/_history}. */
    public String relativePath() {
        String path = request.path();
        int at = path.indexOf(FhirMedia.BASE_PATH);
        String relative = at < 0 ? path : path.substring(at + FhirMedia.BASE_PATH.length());
        return relative.startsWith("/") ? relative.substring(1) : relative;
    }

    public MultiMap queryParameters() {
        return MultiMap.caseInsensitiveMultiMap().addAll(request.params());
    }

    /** The absolute URL of a resource at the public base: {@code <base>/<Type>/<id>}. */
    public String fullUrl(Resource resource) {
        return baseUrl() + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    }

    private static String stripSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
