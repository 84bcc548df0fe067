package care.iop.platform.idempotency;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import care.iop.problems.ProblemType;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the idempotency keys on every POST of the API document: the {@code Idempotency-Key} request header, the
 * {@code Idempotent-Replayed} header of a replayed success, the 400 of an invalid key, the 409
 * {@code idempotency-key-in-use} and the 422 {@code idempotency-key-reused}. Every POST of the services is
 * {@link Idempotent} (each service's tests check it).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class IdempotencyDocumentation implements OASFilter {
    static final String KEY_DESCRIPTION = "Makes the request safe to retry (IETF httpapi idempotency-key draft, Stripe's semantics). "
            + "Send a new unique value (a UUID) per request and the same value on every retry of it. The first answer is kept "
            + "for 24 h per caller (token subject and client) and key: a retry with the same method, path and body gets it "
            + "again (same status, Location, ETag and body, with Idempotent-Replayed: true) and changes nothing. The same key "
            + "with another request is 422 (idempotency-key-reused); a retry while the first request still runs is 409 "
            + "(idempotency-key-in-use, Retry-After). A request that fails or is refused keeps nothing: its retry runs again. "
            + "Must be " + IdempotencyInterceptor.VALID_DESCRIPTION + "; may be sent quoted (\"...\"). Without it, the request "
            + "is not deduplicated.";
    static final String REPLAYED_DESCRIPTION = "`true` when this is the stored answer of an earlier request with the same "
            + "Idempotency-Key, sent again; absent on a first answer.";
    private static final String PROBLEM = ProblemType.MEDIA_TYPE;
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean problemSchema = openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null
                && openAPI.getComponents().getSchemas().containsKey("Problem");
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            Operation post = path.getPOST();
            if (post != null) {
                document(post, problemSchema);
            }
        }
    }

    private static void document(Operation post, boolean problemSchema) {
        boolean present = post.getParameters() != null
                && post.getParameters().stream().anyMatch(p -> IdempotencyInterceptor.HEADER.equalsIgnoreCase(p.getName()));
        if (!present) {
            post.addParameter(OASFactory.createParameter().name(IdempotencyInterceptor.HEADER).in(Parameter.In.HEADER).required(false)
                    .description(KEY_DESCRIPTION).example("0b6f1c7e-3f0a-4c5e-9a57-2f4d8e1b6a90")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(255)
                            .pattern("^" + IdempotencyInterceptor.VALID.pattern() + "$")));
        }
        if (post.getResponses() == null) {
            post.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = post.getResponses();
        if (responses.getAPIResponses() != null) {
            for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
                if (response.getKey().startsWith("2")) {
                    response.getValue().addHeader(IdempotencyResponses.REPLAYED, OASFactory.createHeader().description(REPLAYED_DESCRIPTION)
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("true")));
                }
            }
        }
        explain(responses, "400", "an invalid Idempotency-Key header (named in errors[].field)", null, problemSchema);
        explain(responses, "409", "a request with the same Idempotency-Key is still running (type idempotency-key-in-use;"
                + " retry after Retry-After seconds to get its answer)", ProblemType.IDEMPOTENCY_KEY_IN_USE, problemSchema);
        explain(responses, "422", "the Idempotency-Key was used for another request: other method, path or body (type"
                + " idempotency-key-reused; send a new key)", ProblemType.IDEMPOTENCY_KEY_REUSED, problemSchema);
        APIResponse inUse = responses.getAPIResponse("409");
        if (inUse.getHeaders() == null || !inUse.getHeaders().containsKey("Retry-After")) {
            inUse.addHeader("Retry-After", OASFactory.createHeader()
                    .description("With idempotency-key-in-use: seconds until the running request's hold on the key ends")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
    }

    /** Adds the idempotency meaning to the response of {@code status}, creating it when the operation has none. */
    private static void explain(APIResponses responses, String status, String meaning, ProblemType type, boolean problemSchema) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(capitalized(meaning));
            responses.addAPIResponse(status, response);
        } else if (response.getDescription() == null || !response.getDescription().contains("Idempotency-Key")) {
            String before = response.getDescription() == null ? "" : response.getDescription().strip();
            response.setDescription(before.isEmpty() ? capitalized(meaning) : before + "; or " + meaning);
        }
        if (response.getContent() == null || response.getContent().getMediaTypes() == null || response.getContent().getMediaTypes().isEmpty()) {
            Content content = OASFactory.createContent();
            MediaType problem = OASFactory.createMediaType();
            if (problemSchema) {
                problem.schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
            }
            content.addMediaType(PROBLEM, problem);
            response.setContent(content);
        }
        MediaType problem = response.getContent().getMediaTypes().get(PROBLEM);
        if (type != null && problem != null) {
            problem.addExample(type.name().toLowerCase().replace('_', '-'), example(type));
        }
    }

    private static Example example(ProblemType type) {
        String detail = type == ProblemType.IDEMPOTENCY_KEY_IN_USE
                ? "A request with Idempotency-Key 0b6f1c7e-3f0a-4c5e-9a57-2f4d8e1b6a90 is still running; retry after 42 s to get its answer"
                : "Idempotency-Key 0b6f1c7e-3f0a-4c5e-9a57-2f4d8e1b6a90 was used for another request (method, path or body); send a new key with a new request";
        String message = type == ProblemType.IDEMPOTENCY_KEY_IN_USE ? "a request with this key is still running" : "already used for another request";
        return OASFactory.createExample().summary(type.title()).value(Map.of("type", type.uri().toString(), "title", type.title(),
                "status", type.status(), "detail", detail, "errors", List.of(Map.of("field", IdempotencyInterceptor.HEADER,
                        "message", message))));
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
