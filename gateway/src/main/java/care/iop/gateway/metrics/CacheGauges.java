package care.iop.gateway.metrics;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code iop_gateway_cache_entries{cache}}: how many entries each of the gateway's in-memory caches holds
 * (every one is bounded; docs/gateway.md names the bounds).
 */
public final class CacheGauges {
    public static final String NAME = "iop.gateway.cache.entries";

    private CacheGauges() {
    }

    public static void register(MeterRegistry registry, String cache, Supplier<Number> entries) {
        Gauge.builder(NAME, entries).description("Entries held by a bounded in-memory cache of the gateway")
                .tag("cache", cache).strongReference(true).register(registry);
    }
}
