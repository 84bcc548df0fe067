package care.iop.session.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import care.iop.platform.problem.ProblemException;

/**
 * {@code from}/{@code to} query values: an ISO-8601 date (a day in the program time zone; {@code to}
 * includes that whole day) or a date-time with offset (an instant; {@code to} is exclusive). A client
 * that did not percent-encode the {@code +} of an offset sends a space (form encoding): it is read as
 * the {@code +} it was.
 */
public final class TimeParams {
    private TimeParams() {
    }

    public static OffsetDateTime from(String value, ZoneId zone) {
        return parse("from", value, zone, false);
    }

    public static OffsetDateTime to(String value, ZoneId zone) {
        return parse("to", value, zone, true);
    }

    private static OffsetDateTime parse(String name, String value, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim().replace(' ', '+');
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toOffsetDateTime();
            }
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be a date like 2027-02-01 or a date-time with offset like 2027-02-01T00:00:00Z");
        }
    }
}
