package care.iop.session.fhir.rest;

import java.util.Date;

import org.hl7.fhir.r4.model.Resource;

import care.iop.session.fhir.domain.Revision;

/** Sets {@code meta.versionId} and {@code meta.lastUpdated} of a resource from its revision. */
final class Metas {
    private Metas() {
    }

    static <R extends Resource> R set(R resource, Revision revision) {
        resource.getMeta().setVersionId(String.valueOf(revision.version()));
        if (revision.lastUpdated() != null) {
            resource.getMeta().setLastUpdated(Date.from(revision.lastUpdated().toInstant()));
        }
        return resource;
    }
}
