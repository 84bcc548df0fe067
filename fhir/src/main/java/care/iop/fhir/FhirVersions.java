package care.iop.fhir;

import org.hl7.fhir.r4.model.Resource;

import java.time.Instant;
import java.util.Date;

/**
 * Versions as FHIR shows them: {@code meta.versionId} and {@code meta.lastUpdated} on the resource, a weak
 * {@code ETag: W/"<versionId>"} on reads, and {@code If-Match} on updates (412 when it names another version).
 */
public final class FhirVersions {
    private FhirVersions() {
    }

    public static String etag(long version) {
        return "W/\"" + version + "\"";
    }

    public static <R extends Resource> R meta(R resource, long version, Instant lastUpdated) {
        resource.getMeta().setVersionId(Long.toString(version));
        if (lastUpdated != null) {
            resource.getMeta().setLastUpdated(Date.from(lastUpdated));
        }
        return resource;
    }

    /** Nothing when {@code ifMatch} is absent; 412 when it names another version than {@code current}; 400 when unreadable. */
    public static void requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            if (Long.parseLong(value) != current) {
                throw FhirException.preconditionFailed("If-Match names version " + value + " but the current version is " + current);
            }
        } catch (NumberFormatException e) {
            throw FhirException.badRequest("If-Match must be a version ETag such as W/\"3\", got " + ifMatch, "If-Match");
        }
    }
}
