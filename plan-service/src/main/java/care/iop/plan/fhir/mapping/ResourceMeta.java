package care.iop.plan.fhir.mapping;

import java.time.OffsetDateTime;

import org.hl7.fhir.r4.model.Resource;

/** {@code meta} of a resource we serve: the version (the row's, as the JSON API's ETag), when it last changed, the profile it claims. */
public final class ResourceMeta {
    private ResourceMeta() {
    }

    public static void set(Resource resource, long version, OffsetDateTime lastUpdated, String profile) {
        resource.getMeta().setVersionId(Long.toString(version));
        resource.getMeta().setLastUpdated(FhirTypes.instant(lastUpdated));
        if (profile != null) {
            resource.getMeta().addProfile(profile);
        }
    }
}
