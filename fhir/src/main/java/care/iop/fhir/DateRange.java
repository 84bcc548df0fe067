package care.iop.fhir;

import java.time.Instant;

/**
 * The instants a date search selects: {@code from} inclusive and {@code to} exclusive, either open (null). Several
 * values of one parameter intersect (FHIR's AND: {@code date=ge2026-01-01&date=lt2026-02-01}).
 */
public record DateRange(Instant from, Instant to) {
    public static final DateRange ALL = new DateRange(null, null);

    public boolean contains(Instant instant) {
        return instant != null && (from == null || !instant.isBefore(from)) && (to == null || instant.isBefore(to));
    }

    public DateRange intersect(DateRange other) {
        Instant f = from == null ? other.from : other.from == null ? from : (from.isAfter(other.from) ? from : other.from);
        Instant t = to == null ? other.to : other.to == null ? to : (to.isBefore(other.to) ? to : other.to);
        return new DateRange(f, t);
    }

    public boolean isAll() {
        return from == null && to == null;
    }
}
