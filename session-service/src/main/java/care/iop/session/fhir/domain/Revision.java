package care.iop.session.fhir.domain;

import java.time.Instant;

/**
 * The FHIR version of a resource made of our rows ({@code meta.versionId}, the ETag, {@code meta.lastUpdated}): the
 * sum of the versions of the rows it shows (every change of one of them makes it grow) and when the last of them changed.
 */
public record Revision(long version, Instant lastUpdated) {
}
