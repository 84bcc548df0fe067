package care.iop.platform.consistency;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import care.iop.problems.ProblemType;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.config.SmallRyeConfig;

/**
 * Documents read-your-writes in the API document. In a service that keeps read models, every operation accepts the
 * {@value ConsistencyToken#HEADER} header (component parameter {@value #PARAMETER}) and may answer 503
 * {@code read-model-behind} with {@code Retry-After} (component response {@value #RESPONSE}). An operation marked with
 * the extension {@value #WRITES} (a write that publishes a state event) documents the header on its success answers.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ConsistencyDocumentation implements OASFilter {
    /** Put {@code @Extension(name = ConsistencyDocumentation.WRITES, value = "true")} on a write that answers the header. */
    public static final String WRITES = "x-iop-consistency-token";
    static final String PARAMETER = "ConsistencyToken";
    static final String RESPONSE = "ReadModelBehind";
    private static final String EXAMPLE = "patient:5b1f8a4e-3c2d-4e55-9a0b-7d8e6f1a2b3c@3, plan:3f9a1c2e-7b6d-4e5f-8a9b-0c1d2e3f4a5b@1";
    private static final String ANSWERED = "The aggregates this write changed and their new versions (kind:id@version, comma-separated). Send it"
            + " unchanged as the Consistency-Token header of the next requests to the other services (the gateway does it for the"
            + " same caller for a short time): they wait until they have applied these versions. docs/gateway.md, Read-your-writes.";
    private static final String ACCEPTED = "The Consistency-Token a write of another service answered (kind:id@version, comma-separated,"
            + " at most " + ConsistencyToken.MAX_ENTRIES + "). The request first waits (at most iop.read-your-writes.max-wait, 2 s) until"
            + " this service has applied at least these versions, then runs; aggregates this service does not keep are ignored."
            + " A malformed value is 400.";
    private static final String BEHIND = "Read model behind: an entity this request names (a field, or a version in Consistency-Token) is owned by"
            + " another service and has not reached this service yet, even after waiting. Not a broken rule: retry after Retry-After"
            + " seconds. errors[0].field names the field.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean readModels = keepsReadModels();
        if (readModels) {
            addComponents(openAPI);
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getExtensions() != null && operation.getExtensions().containsKey(WRITES)) {
                    operation.removeExtension(WRITES);
                    documentAnswerHeader(operation);
                }
                if (readModels) {
                    operation.addParameter(OASFactory.createParameter().ref(PARAMETER));
                    if (operation.getResponses() != null && !operation.getResponses().hasAPIResponse("503")) {
                        operation.getResponses().addAPIResponse("503", OASFactory.createAPIResponse().ref(RESPONSE));
                    }
                }
            }
        }
    }

    private static boolean keepsReadModels() {
        try {
            return !ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(ReadYourWritesConfig.class).readModels().isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void documentAnswerHeader(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
            if (response.getKey().startsWith("2")) {
                response.getValue().addHeader(ConsistencyToken.HEADER, OASFactory.createHeader().description(ANSWERED)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).example(EXAMPLE)));
            }
        }
    }

    private static void addComponents(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addParameter(PARAMETER, OASFactory.createParameter().name(ConsistencyToken.HEADER).in(Parameter.In.HEADER)
                .required(false).description(ACCEPTED).example(EXAMPLE)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(2048)));
        Schema problem = components.getSchemas() != null && components.getSchemas().containsKey("Problem")
                ? OASFactory.createSchema().ref("Problem") : OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        components.addResponse(RESPONSE, OASFactory.createAPIResponse().description(BEHIND)
                .addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).example(1)))
                .content(OASFactory.createContent().addMediaType(ProblemType.MEDIA_TYPE, OASFactory.createMediaType().schema(problem)
                        .example(Map.of("type", ProblemType.READ_MODEL_BEHIND.uri().toString(), "title", ProblemType.READ_MODEL_BEHIND.title(),
                                "status", 503, "detail", "Clinician 3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f is not known here yet: the event of the"
                                        + " service that owns it has not arrived within the wait. This is not a broken rule: retry after the"
                                        + " Retry-After delay.",
                                "errors", java.util.List.of(Map.of("field", "clinicianId",
                                        "message", "Clinician 3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f not received yet")))))));
    }
}
