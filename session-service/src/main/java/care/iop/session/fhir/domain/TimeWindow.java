package care.iop.session.fhir.domain;

import java.time.OffsetDateTime;

/** A window of time of a search, from (inclusive) to (exclusive); either end may be open (null). */
public record TimeWindow(OffsetDateTime from, OffsetDateTime to) {
    public static final TimeWindow ANY = new TimeWindow(null, null);

    public boolean open() {
        return from == null && to == null;
    }
}
