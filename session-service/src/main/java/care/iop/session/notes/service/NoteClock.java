package care.iop.session.notes.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The current instant for progress notes (signatures, deadlines), in UTC to the microsecond as PostgreSQL keeps it. A
 * bean, so that a test can fix the time (the 72-hour deadline at its boundary).
 */
@ApplicationScoped
public class NoteClock {

    public OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
