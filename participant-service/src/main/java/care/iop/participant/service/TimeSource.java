package care.iop.participant.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Today and now in the program's time zone ({@code iop.participant.zone}, default UTC); consent expiry uses it. */
@ApplicationScoped
public class TimeSource {

    @ConfigProperty(name = "iop.participant.zone", defaultValue = "UTC")
    String zone;

    public LocalDate today() {
        return LocalDate.now(ZoneId.of(zone));
    }

    public Instant now() {
        return Instant.now();
    }
}
