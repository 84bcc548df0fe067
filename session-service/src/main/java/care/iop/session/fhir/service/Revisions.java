package care.iop.session.fhir.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/** The latest of the change times of the rows one resource is made of. */
final class Revisions {
    private Revisions() {
    }

    static OffsetDateTime latest(OffsetDateTime... times) {
        return Arrays.stream(times).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
