package care.iop.gateway.consistency;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each caller's latest {@value #HEADER} entries (aggregate → version), so that a client which does not pass the header
 * on itself still reads its own writes: what a write answered is sent with the same caller's next requests for
 * {@code rememberFor}. Bounded: at most {@value #PER_CALLER} aggregates per caller (the newest) and {@code maxCallers}
 * callers; callers whose entries all expired are dropped every ten seconds and, at most once a second, when the map is
 * full; a caller arriving while it is still full is not remembered (it may still send the header itself).
 */
public final class RecentWrites {
    public static final String HEADER = "Consistency-Token";
    /** Aggregates remembered per caller. */
    static final int PER_CALLER = 16;
    /** What a service accepts in one header. */
    static final int MAX_ENTRIES = 32;
    private static final Pattern ENTRY = Pattern.compile("\\s*([a-z][a-z-]{0,31}:[0-9a-fA-F-]{36})@([0-9]{1,18})\\s*");
    private static final long SWEEP_AT_MOST_EVERY = TimeUnit.SECONDS.toNanos(1);

    private final ConcurrentHashMap<String, Caller> callers = new ConcurrentHashMap<>();
    private final long rememberForNanos;
    private final int maxCallers;
    private final AtomicLong lastSweep;

    public RecentWrites(long rememberForNanos, int maxCallers, long now) {
        this.rememberForNanos = rememberForNanos;
        this.maxCallers = maxCallers;
        this.lastSweep = new AtomicLong(now - SWEEP_AT_MOST_EVERY);
    }

    /** Remembers the entries of a header a service answered this caller; a malformed header is ignored. */
    public void remember(String caller, String header, long now) {
        Map<String, Long> written = parse(header);
        if (written == null || written.isEmpty()) {
            return;
        }
        if (!callers.containsKey(caller) && !roomFor(now)) {
            return;
        }
        // atomic per caller, so a sweep dropping an expired caller cannot lose what is added meanwhile
        callers.compute(caller, (key, entries) -> {
            Caller remembered = entries == null ? new Caller() : entries;
            remembered.add(written, now + rememberForNanos);
            return remembered;
        });
    }

    /**
     * The header to send with this caller's request: its own entries first, then the remembered ones that are newer or
     * not named, up to what a service accepts. The caller's own header unchanged when nothing is remembered or it is
     * malformed (the service answers 400 for it).
     */
    public String header(String caller, String own, long now) {
        Caller entries = callers.get(caller);
        Map<String, Long> remembered = entries == null ? Map.of() : entries.live(now);
        if (remembered.isEmpty()) {
            return own;
        }
        Map<String, Long> merged = own == null || own.isBlank() ? new LinkedHashMap<>() : parse(own);
        if (merged == null) {
            return own;
        }
        for (Map.Entry<String, Long> entry : remembered.entrySet()) {
            if (merged.containsKey(entry.getKey())) {
                merged.merge(entry.getKey(), entry.getValue(), Math::max);
            } else if (merged.size() < MAX_ENTRIES) {
                merged.put(entry.getKey(), entry.getValue());
            }
        }
        List<String> parts = new ArrayList<>(merged.size());
        merged.forEach((aggregate, version) -> parts.add(aggregate + "@" + version));
        return String.join(", ", parts);
    }

    public int size() {
        return callers.size();
    }

    /** Drops callers whose entries all expired. */
    public void sweep(long now) {
        lastSweep.set(now);
        for (String caller : callers.keySet()) {
            callers.computeIfPresent(caller, (key, entries) -> entries.expiredAt(now) ? null : entries);
        }
    }

    private boolean roomFor(long now) {
        if (callers.size() < maxCallers) {
            return true;
        }
        long last = lastSweep.get();
        if (now - last >= SWEEP_AT_MOST_EVERY && lastSweep.compareAndSet(last, now)) {
            sweep(now);
        }
        return callers.size() < maxCallers;
    }

    /** aggregate (kind:id) → version, in order; null when malformed or too long. */
    static Map<String, Long> parse(String header) {
        if (header == null) {
            return null;
        }
        String[] parts = header.split(",", MAX_ENTRIES + 2);
        if (parts.length > MAX_ENTRIES) {
            return null;
        }
        Map<String, Long> entries = new LinkedHashMap<>();
        for (String part : parts) {
            Matcher m = ENTRY.matcher(part);
            if (!m.matches()) {
                return null;
            }
            entries.merge(m.group(1).toLowerCase(java.util.Locale.ROOT), Long.parseLong(m.group(2)), Math::max);
        }
        return entries;
    }

    /** One caller's entries: aggregate → version and expiry, the oldest first. */
    private static final class Caller {
        private final LinkedHashMap<String, long[]> entries = new LinkedHashMap<>();

        synchronized void add(Map<String, Long> written, long expiresAt) {
            written.forEach((aggregate, version) -> {
                long[] previous = entries.remove(aggregate);
                long newest = previous == null ? version : Math.max(previous[0], version);
                entries.put(aggregate, new long[] { newest, expiresAt });
            });
            Iterator<String> oldest = entries.keySet().iterator();
            while (entries.size() > PER_CALLER) {
                oldest.next();
                oldest.remove();
            }
        }

        synchronized Map<String, Long> live(long now) {
            entries.values().removeIf(entry -> entry[1] - now <= 0);
            Map<String, Long> live = new LinkedHashMap<>();
            entries.forEach((aggregate, entry) -> live.put(aggregate, entry[0]));
            return live;
        }

        synchronized boolean expiredAt(long now) {
            entries.values().removeIf(entry -> entry[1] - now <= 0);
            return entries.isEmpty();
        }
    }
}
