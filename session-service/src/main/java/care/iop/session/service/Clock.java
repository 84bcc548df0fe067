package care.iop.session.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The current instant, in UTC. */
final class Clock {
    private Clock() {
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
