package care.iop.fhir;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;

/**
 * The HTTP answers of FHIR reads and writes (R4 3.1.0): the resource with {@code ETag: W/"<versionId>"} and
 * {@code Last-Modified} from its {@code meta}; a create is 201 with {@code Location} at {@code _history/<versionId>}.
 * Also the rules every instance URL shares: our ids are UUIDs, so any other id names nothing (404, never a 400 about its
 * shape: ids are opaque to a client), and only the current version of a resource is kept, so a vread of another is 404.
 * The media type is left to {@code @Produces} unless a caller names one.
 */
public final class FhirAnswers {
    private FhirAnswers() {
    }

    /** The UUID of {@code type/id}; 404 naming {@code type/id} when it is none. */
    public static UUID id(String type, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw FhirException.notFound(type, id);
        }
    }

    /** What {@code lookup} finds for the UUID of {@code type/id}; 404 naming {@code type/id} when the id is none or nothing is found. */
    public static <T> T find(String type, String id, Function<UUID, Optional<T>> lookup) {
        return lookup.apply(id(type, id)).orElseThrow(() -> FhirException.notFound(type, id));
    }

    /** 200 with the resource, its ETag and (when its meta has it) Last-Modified. */
    public static Response ok(Resource resource) {
        return ok(resource, null);
    }

    /** {@link #ok(Resource)} as {@code mediaType} whatever the client accepts (null: as {@code @Produces} negotiates). */
    public static Response ok(Resource resource, String mediaType) {
        return versioned(Response.ok(resource).type(mediaType), resource).build();
    }

    /** {@link #ok(Resource)}, or 304 with the ETag alone when {@code ifNoneMatch} names the current version. */
    public static Response read(Resource resource, String ifNoneMatch) {
        String etag = etag(resource);
        if (ifNoneMatch != null && (ifNoneMatch.trim().equals(etag) || ifNoneMatch.trim().equals(etag.substring(2)))) {
            return Response.notModified().header("ETag", etag).build();
        }
        return ok(resource);
    }

    /** {@link #ok(Resource)} when {@code versionId} is the resource's current version; 404 otherwise. */
    public static Response vread(Resource resource, String versionId) {
        requireCurrent(resource.fhirType(), resource.getIdElement().getIdPart(), versionId, Long.parseLong(resource.getMeta().getVersionId()));
        return ok(resource);
    }

    /** Nothing when {@code versionId} is {@code current}; 404 otherwise (older versions are not kept). */
    public static void requireCurrent(String type, Object id, String versionId, long current) {
        if (!Long.toString(current).equals(versionId)) {
            throw new FhirException(404, IssueType.NOTFOUND, type + "/" + id + "/_history/" + versionId
                    + " is not kept: only the current version (" + current + ") is", null);
        }
    }

    /** 201 with the created resource, its ETag, Last-Modified and {@code Location <baseUrl>/<type>/<id>/_history/<versionId>}. */
    public static Response created(Resource resource, String baseUrl) {
        return created(resource, baseUrl, null);
    }

    /** {@link #created(Resource, String)} as {@code mediaType} whatever the client accepts (null: as {@code @Produces} negotiates). */
    public static Response created(Resource resource, String baseUrl, String mediaType) {
        URI location = URI.create(baseUrl + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart() + "/_history/"
                + resource.getMeta().getVersionId());
        return versioned(Response.created(location).entity(resource).type(mediaType), resource).build();
    }

    private static Response.ResponseBuilder versioned(Response.ResponseBuilder answer, Resource resource) {
        return answer.header("ETag", etag(resource)).lastModified(resource.getMeta().getLastUpdated());
    }

    private static String etag(Resource resource) {
        return FhirVersions.etag(Long.parseLong(resource.getMeta().getVersionId()));
    }
}
