package care.iop.participant.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.FhirException;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.FhirVersions;

/**
 * The answers of this service's FHIR reads and writes: the resource with its version as a weak {@code ETag} and its
 * last change as {@code Last-Modified} (R4 3.1.0.4); a create adds {@code Location} naming the new version. Also the
 * rules every instance URL shares: an id that is no UUID names nothing here (404), and a vread of any other version
 * than the current one is 404 (this registry keeps only the current version of a record).
 */
final class FhirAnswers {
    private FhirAnswers() {
    }

    static Response ok(Resource resource, long version, Instant lastUpdated) {
        return with(Response.ok(resource, FhirMedia.FHIR_JSON), version, lastUpdated).build();
    }

    static Response created(Resource resource, String location, long version, Instant lastUpdated) {
        return with(Response.status(Response.Status.CREATED).entity(resource).type(FhirMedia.FHIR_JSON), version, lastUpdated)
                .header("Location", location).build();
    }

    private static Response.ResponseBuilder with(Response.ResponseBuilder builder, long version, Instant lastUpdated) {
        return builder.header("ETag", FhirVersions.etag(version)).lastModified(Date.from(lastUpdated));
    }

    /** The id of {@code type/id}; 404 when it is no UUID (no resource here has such an id). */
    static UUID id(String type, String id) {
        return SearchParameters.uuidOrNull(id).orElseThrow(() -> FhirException.notFound(type, id));
    }

    /** 404 unless {@code versionId} is the current version (the only one kept). */
    static void requireCurrent(String type, Object id, String versionId, long current) {
        if (!Long.toString(current).equals(versionId)) {
            throw new FhirException(404, org.hl7.fhir.r4.model.OperationOutcome.IssueType.NOTFOUND,
                    type + "/" + id + "/_history/" + versionId + " is not kept: only the current version (" + current + ") is", null);
        }
    }
}
