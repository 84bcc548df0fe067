package care.iop.participant.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Today and now. Days are reckoned in the program's time zone ({@code iop.program.time-zone}, shared by every service
 * and by the platform's Part 2 gate): consent expiry, the cap on active consents, the dates of the events.
 */
@ApplicationScoped
public class TimeSource {

    @ConfigProperty(name = "iop.program.time-zone")
    ZoneId zone;

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    public Instant now() {
        return Instant.now();
    }
}
