package care.iop.session.fhir.rest;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.FhirException;
import care.iop.fhir.FhirVersions;

/**
 * The HTTP answers of reads and writes of one resource (R4 3.1.0): {@code ETag} and {@code Last-Modified} from its
 * {@code meta}; creates 201 with {@code Location} at {@code _history}. Only the current version of a resource is kept,
 * so a vread of any other version is a 404.
 */
final class FhirAnswers {
    private FhirAnswers() {
    }

    static Response ok(Resource resource) {
        return headers(Response.ok(resource), resource).build();
    }

    static Response created(Resource resource, String baseUrl) {
        URI location = URI.create(baseUrl + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart() + "/_history/"
                + resource.getMeta().getVersionId());
        return headers(Response.created(location), resource).entity(resource).build();
    }

    /** The resource when {@code versionId} is its current version; 404 otherwise (older versions are not kept). */
    static Response version(Resource resource, String versionId) {
        if (!resource.getMeta().getVersionId().equals(versionId)) {
            throw FhirException.notFound(resource.fhirType() + "/" + resource.getIdElement().getIdPart() + "/_history", versionId
                    + " (only the current version, " + resource.getMeta().getVersionId() + ", is kept)");
        }
        return ok(resource);
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder answer, Resource resource) {
        answer.header("ETag", FhirVersions.etag(Long.parseLong(resource.getMeta().getVersionId())));
        if (resource.getMeta().hasLastUpdated()) {
            answer.lastModified(resource.getMeta().getLastUpdated());
        }
        return answer;
    }
}
