package care.iop.platform.time;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The program's calendar ({@code iop.program.time-zone}): which day it is, when a day ends, which day is
 * the next business day (Monday to Friday). Deadlines such as "the same day" and "the next business day"
 * are computed here, once, from an explicit instant, so a test can put a boundary at 23:59:59 without
 * waiting for it.
 */
@ApplicationScoped
public class ProgramTime {
    @ConfigProperty(name = "iop.program.time-zone", defaultValue = "America/New_York")
    ZoneId zone;

    Clock clock = Clock.systemUTC();

    @Inject
    ProgramTime() {
    }

    /** For plain unit tests. */
    public ProgramTime(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    public ZoneId zone() {
        return zone;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(zone));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The program day an instant falls on. */
    public LocalDate dayOf(OffsetDateTime instant) {
        return instant.atZoneSameInstant(zone).toLocalDate();
    }

    /** The first instant after the given program day: a task "due the same day" is overdue from this instant on. */
    public OffsetDateTime endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }

    /** The first Monday-to-Friday day after the given day. */
    public static LocalDate nextBusinessDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }
}
