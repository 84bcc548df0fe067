package care.iop.platform.idempotency;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The answer of a request as it is stored for a repeat: status, the headers that name what was done
 * ({@link #KEPT_HEADERS}) and the entity (serialized when stored).
 */
public record IdempotentAnswer(int status, Map<String, String> headers, Object entity, MediaType mediaType) {
    /** Headers a replay repeats; the others (request id, Part 2 notice, CORS...) belong to the request that gets it. */
    static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED,
            HttpHeaders.CONTENT_LOCATION);

    public IdempotentAnswer {
        headers = Map.copyOf(headers);
    }

    /** What a resource method returned: a {@link Response}, an entity (200) or nothing (204). */
    public static IdempotentAnswer of(Object result) {
        if (result instanceof Response response) {
            Map<String, String> kept = new LinkedHashMap<>();
            for (String name : KEPT_HEADERS) {
                String value = response.getHeaderString(name);
                if (value != null) {
                    kept.put(name, value);
                }
            }
            return new IdempotentAnswer(response.getStatus(), kept, response.getEntity(), response.getMediaType());
        }
        return result == null ? new IdempotentAnswer(204, Map.of(), null, null) : new IdempotentAnswer(200, Map.of(), result, null);
    }

    /** 201 with {@code Location} and a JSON entity. */
    public static IdempotentAnswer created(URI location, Object entity) {
        return new IdempotentAnswer(201, Map.of(HttpHeaders.LOCATION, location.toString()), entity, MediaType.APPLICATION_JSON_TYPE);
    }

    /** The answer as a response: a resource that built it for the committer returns the same. */
    public Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status).entity(entity);
        if (mediaType != null) {
            builder.type(mediaType);
        }
        headers.forEach(builder::header);
        return builder.build();
    }

    boolean success() {
        return status >= 200 && status < 300;
    }
}
