package care.iop.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code iop_idempotency_replays_total}: stored answers sent again; {@code iop_idempotency_refused_total{reason}}: keys
 * refused because a request with the key is still running ({@code in-use}, 409) or it was used for another request
 * ({@code reused}, 422).
 */
@ApplicationScoped
public class IdempotencyMetrics {
    @Inject
    MeterRegistry registry;

    void replayed() {
        Counter.builder("iop.idempotency.replays").description("Stored answers sent again to a repeat with the same Idempotency-Key")
                .register(registry).increment();
    }

    void refused(String reason) {
        Counter.builder("iop.idempotency.refused").description("Requests refused because of their Idempotency-Key")
                .tag("reason", reason).register(registry).increment();
    }
}
