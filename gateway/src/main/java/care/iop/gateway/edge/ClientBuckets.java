package care.iop.gateway.edge;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One token bucket per client, at most {@code maxClients} of them. A bucket that has refilled to the full
 * burst answers exactly as a new one would, so {@link #sweep} may drop it without changing any answer;
 * it runs periodically and, at most once a second, when the map is full. A client arriving while the map
 * is still full shares one overflow bucket with every other such client: memory stays bounded and those
 * clients are limited together rather than not at all.
 */
final class ClientBuckets {
    private static final long SWEEP_AT_MOST_EVERY = TimeUnit.SECONDS.toNanos(1);

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int burst;
    private final double perSecond;
    private final int maxClients;
    private final Bucket overflow;
    private final AtomicLong lastSweep;

    ClientBuckets(int burst, double perSecond, int maxClients, long now) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.maxClients = maxClients;
        this.overflow = new Bucket(burst, now);
        this.lastSweep = new AtomicLong(now - SWEEP_AT_MOST_EVERY);
    }

    /** Takes one token for the client: 0 when allowed, else nanoseconds until one is available. */
    long take(String client, long now) {
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            bucket = admit(client, now);
        }
        return bucket.take(burst, perSecond, now);
    }

    /** Whether clients are sharing the overflow bucket now (the map is full of active clients). */
    boolean full() {
        return buckets.size() >= maxClients;
    }

    int size() {
        return buckets.size();
    }

    /** Drops every bucket that has refilled completely. */
    void sweep(long now) {
        lastSweep.set(now);
        buckets.values().removeIf(bucket -> bucket.fullAt(burst, perSecond, now));
    }

    private Bucket admit(String client, long now) {
        if (buckets.size() >= maxClients) {
            long last = lastSweep.get();
            if (now - last >= SWEEP_AT_MOST_EVERY && lastSweep.compareAndSet(last, now)) {
                sweep(now);
            }
            if (buckets.size() >= maxClients) {
                return overflow;
            }
        }
        return buckets.computeIfAbsent(client, key -> new Bucket(burst, now));
    }

    /** Tokens refill continuously at the sustained rate up to the burst size. */
    static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.last = now;
        }

        synchronized long take(int burst, double perSecond, long now) {
            tokens = Math.min(burst, tokens + Math.max(0, now - last) * perSecond / 1e9);
            last = Math.max(last, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) ((1 - tokens) / perSecond * 1e9));
        }

        synchronized boolean fullAt(int burst, double perSecond, long now) {
            return tokens + Math.max(0, now - last) * perSecond / 1e9 >= burst;
        }
    }
}
