package care.iop.plan.outcomes.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import care.iop.platform.problem.ProblemException;

/** A window of whole days, {@code from} and {@code to} both included; either end may be open. */
public record DateWindow(OffsetDateTime start, OffsetDateTime endExclusive) {

    /** 400 naming {@code to} when it lies before {@code from}. */
    public static DateWindow of(LocalDate from, LocalDate to, ZoneId zone) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        return new DateWindow(from == null ? null : from.atStartOfDay(zone).toOffsetDateTime(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }

    public boolean contains(OffsetDateTime time) {
        return (start == null || !time.isBefore(start)) && (endExclusive == null || time.isBefore(endExclusive));
    }
}
