package care.iop.plan.comparison.service;

import java.nio.ByteBuffer;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The per-patient date shift of the de-identified export: a keyed HMAC of the patient id
 * ({@code iop.comparison.export.date-shift-key}) picks 1 to {@code max-shift-days} days, earlier or later. All dates of a
 * patient move by the same amount (intervals between them stay true); without the key nobody can recompute or undo the
 * shift, and no table keeps it. The same key orders the export's rows, so their order reveals nothing either.
 */
@ApplicationScoped
public class DateShifts {

    @Inject
    ComparisonConfig config;

    private HmacKey key;

    @PostConstruct
    void init() {
        if (config.export().maxShiftDays() < 1) {
            throw new IllegalStateException("iop.comparison.export.max-shift-days must be at least 1");
        }
        key = HmacKey.of(config.export().dateShiftKey(), "iop.comparison.export.date-shift-key");
    }

    /** Days to add to every date of the patient: never 0, at most max-shift-days either way. */
    public int daysFor(UUID patientId) {
        int max = config.export().maxShiftDays();
        int value = (int) Math.floorMod(number("date-shift:" + patientId), 2L * max);
        return value < max ? -(value + 1) : value - max + 1;
    }

    /** A stable pseudo-random sort key of an episode (rows are not in admission order). */
    public long orderOf(UUID episodeId) {
        return number("order:" + episodeId);
    }

    private long number(String message) {
        return ByteBuffer.wrap(key.mac(message)).getLong();
    }
}
