package care.iop.platform.privacy;

import java.io.File;
import java.io.InputStream;
import java.lang.annotation.Annotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The re-disclosure notice of 42 CFR 2.32 on every answer that disclosed a Part 2 record: the {@value #HEADER}
 * header always, and a top-level {@value #FIELD} field where the body is a JSON object.
 */
@ApplicationScoped
public class Part2Notice {
    public static final String HEADER = "Part2-Notice";
    public static final String FIELD = "part2Notice";
    private static final String FHIR_PATHS = "/fhir/";

    @Inject
    Disclosure disclosure;

    @Inject
    PrivacyConfig config;

    @Inject
    ObjectMapper json;

    @ServerResponseFilter
    public void addNotice(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 300 || !disclosure.noticeRequired()) {
            return;
        }
        response.getHeaders().putSingle(HEADER, config.notice());
        Object entity = response.getEntity();
        // FHIR answers carry the notice inside each disclosed resource (meta.security and its extension), not as a field.
        if (entity == null || request.getUriInfo().getPath().startsWith(FHIR_PATHS) || !json(response.getMediaType(), entity)) {
            return;
        }
        JsonNode body = entity instanceof JsonNode node ? node : json.valueToTree(entity);
        if (body instanceof ObjectNode object) {
            object.put(FIELD, config.notice());
            response.setEntity(object, new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
        }
    }

    /**
     * A JSON answer: one typed so, or (a {@code Response.ok(entity)} is not typed yet when filters run) an object
     * that is neither text nor bytes nor a stream, which the services' resources all produce as JSON.
     */
    private static boolean json(MediaType type, Object entity) {
        if (type != null) {
            return type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
        }
        return !(entity instanceof CharSequence || entity instanceof byte[] || entity instanceof InputStream
                || entity instanceof StreamingOutput || entity instanceof File);
    }
}
