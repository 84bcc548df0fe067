package care.iop.plan.fhir.rest;

import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.FhirException;
import care.iop.fhir.FhirVersions;

/**
 * The answers of FHIR reads: ids that are not ours are unknown (404, never a 400 about their shape: ids are opaque to a
 * client), a read carries {@code ETag: W/"<versionId>"} and {@code Last-Modified} and answers 304 to an
 * {@code If-None-Match} naming the current version, and a vread serves the current version only (the rows keep no
 * older ones).
 */
final class FhirReads {
    private FhirReads() {
    }

    /** The UUID of a resource id, or 404 naming {@code type/id}. */
    static UUID uuid(String type, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw FhirException.notFound(type, id);
        }
    }

    /** 200 with the resource and its ETag, or 304 when {@code ifNoneMatch} already names its version. */
    static Response current(Resource resource, String ifNoneMatch) {
        String etag = FhirVersions.etag(Long.parseLong(resource.getMeta().getVersionId()));
        if (ifNoneMatch != null && (ifNoneMatch.trim().equals(etag) || ifNoneMatch.trim().equals(etag.substring(2)))) {
            return Response.notModified().header("ETag", etag).build();
        }
        return Response.ok(resource).header("ETag", etag).lastModified(resource.getMeta().getLastUpdated()).build();
    }

    /** The resource when {@code versionId} is its current version, else 404: older versions are not kept. */
    static Response version(Resource resource, String versionId) {
        if (!resource.getMeta().getVersionId().equals(versionId)) {
            throw new FhirException(404, org.hl7.fhir.r4.model.OperationOutcome.IssueType.NOTFOUND, resource.fhirType() + "/"
                    + resource.getIdPart() + " has no version " + versionId + " here: only the current version ("
                    + resource.getMeta().getVersionId() + ") is kept", null);
        }
        return current(resource, null);
    }
}
