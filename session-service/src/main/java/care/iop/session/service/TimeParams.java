package care.iop.session.service;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import care.iop.platform.problem.ProblemException;
import care.iop.platform.web.ParamConverters;

/**
 * {@code from}/{@code to} query values: an ISO-8601 date (a day in the program time zone; {@code to}
 * includes that whole day) or a date-time with offset (an instant; {@code to} is exclusive). A client
 * that did not percent-encode the {@code +} of an offset sends a space (form encoding): it is read as
 * the {@code +} it was. Times outside the years 1-9999 (UTC) are a 400 naming the parameter: they cannot
 * be stored or compared faithfully, and a window computed from them would overflow.
 */
public final class TimeParams {
    static final String RANGE = "must lie in the years " + ParamConverters.MIN_YEAR + "-" + ParamConverters.MAX_YEAR;

    private TimeParams() {
    }

    public static OffsetDateTime from(String value, ZoneId zone) {
        return parse("from", value, zone, false);
    }

    public static OffsetDateTime to(String value, ZoneId zone) {
        return parse("to", value, zone, true);
    }

    /** 400 naming {@code name} unless {@code time} lies in the years 1-9999 (UTC); null passes. */
    public static OffsetDateTime requireStorable(String name, OffsetDateTime time) {
        if (time == null) {
            return null;
        }
        try {
            ParamConverters.storable(time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
            return time;
        } catch (IllegalArgumentException | DateTimeException e) {
            throw ProblemException.invalidField(name, RANGE);
        }
    }

    /** 400 naming {@code name} unless {@code day} lies in the years 1-9999; null passes. */
    public static LocalDate requireStorable(String name, LocalDate day) {
        if (day == null) {
            return null;
        }
        try {
            return ParamConverters.storable(day);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, RANGE);
        }
    }

    private static OffsetDateTime parse(String name, String value, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim().replace(' ', '+');
        OffsetDateTime time;
        try {
            if (text.length() == 10) {
                LocalDate day = requireStorable(name, LocalDate.parse(text));
                time = (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toOffsetDateTime();
            } else {
                time = OffsetDateTime.parse(text);
            }
        } catch (DateTimeException e) {
            throw ProblemException.invalidField(name, "must be a date like 2027-02-01 or a date-time with offset like 2027-02-01T00:00:00Z");
        }
        return requireStorable(name, time);
    }
}
