package care.iop.platform.idempotency;

import java.lang.annotation.Annotation;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.platform.problem.ProblemResponses;

/** The answers of the idempotency keys: a replay of a stored answer, and the 409 of a key in use with {@code Retry-After}. */
public class IdempotencyResponses {
    /** Set to {@code true} on an answer that is a replay of the first answer to the same key. */
    public static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    ObjectMapper json;

    @ServerExceptionMapper
    public Response inUse(IdempotencyKeyInUse e, UriInfo uri) {
        Response problem = ProblemResponses.of(e.type(), e.getMessage(), uri == null ? null : uri.getRequestUri().getRawPath(), e.errors());
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).build();
    }

    /**
     * The stored answer again: status, kept headers and body. A JSON body is sent as a tree, so that the response
     * filters treat it as the first answer's object (the Part 2 notice, when the replay is a disclosure).
     */
    @ServerExceptionMapper
    public Response replay(IdempotentReplay e) throws JsonProcessingException {
        StoredAnswer answer = e.answer();
        Response.ResponseBuilder builder = Response.status(answer.status());
        answer.headers().forEach(builder::header);
        builder.header(REPLAYED, "true");
        if (answer.body() != null) {
            MediaType type = MediaType.valueOf(answer.mediaType());
            Object entity = type.isCompatible(MediaType.APPLICATION_JSON_TYPE) ? json.readTree(answer.body()) : answer.body();
            builder.entity(entity, new Annotation[0]).type(type);
        }
        return builder.build();
    }
}
