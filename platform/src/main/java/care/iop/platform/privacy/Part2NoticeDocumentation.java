package care.iop.platform.privacy;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the re-disclosure notice in the API document: the {@value Part2Notice#HEADER} header on every
 * success answer, and the {@value Part2Notice#FIELD} property on every JSON object a success answer returns.
 */
public class Part2NoticeDocumentation implements OASFilter {
    private static final String DESCRIPTION = "Present only when the answer discloses 42 CFR Part 2 records to a caller outside the"
            + " program (with the patient's consent): the re-disclosure notice of 42 CFR 2.32, which must travel with the records.";
    private static final String REF_PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
                    if (response.getKey().startsWith("2")) {
                        document(openAPI, response.getValue());
                    }
                }
            }
        }
    }

    private static void document(OpenAPI openAPI, APIResponse response) {
        response.addHeader(Part2Notice.HEADER, OASFactory.createHeader().description(DESCRIPTION)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).example(PrivacyConfig.NOTICE)));
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return;
        }
        MediaType json = response.getContent().getMediaTypes().get("application/json");
        if (json == null || json.getSchema() == null || json.getSchema().getRef() == null
                || openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        String ref = json.getSchema().getRef();
        Schema target = ref.startsWith(REF_PREFIX) ? openAPI.getComponents().getSchemas().get(ref.substring(REF_PREFIX.length())) : null;
        if (target != null && (target.getProperties() == null || !target.getProperties().containsKey(Part2Notice.FIELD))) {
            target.addProperty(Part2Notice.FIELD, OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .description(DESCRIPTION).example(PrivacyConfig.NOTICE));
        }
    }
}
