package care.iop.plan.fhir.mapping;

import java.time.OffsetDateTime;

import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.FhirVersions;

/**
 * {@code meta} of a resource we serve: the version (the row's, as the JSON API's ETag) and when it last changed
 * ({@link FhirVersions#meta}), and the profile it claims.
 */
public final class ResourceMeta {
    private ResourceMeta() {
    }

    public static void set(Resource resource, long version, OffsetDateTime lastUpdated, String profile) {
        FhirVersions.meta(resource, version, lastUpdated == null ? null : lastUpdated.toInstant());
        if (profile != null) {
            resource.getMeta().addProfile(profile);
        }
    }
}
