package care.iop.plan.discharge.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of discharge summaries: drafted (by the discharge event or a clinician), signed, and discharge events that
 * disagreed with an already signed summary (to be reconciled by hand: see docs/outcomes.md).
 */
@ApplicationScoped
public class DischargeMetrics {
    public static final String DRAFTED = "iop.discharge.summaries.drafted";
    public static final String SIGNED = "iop.discharge.summaries.signed";
    public static final String MISMATCHED = "iop.discharge.summaries.mismatched";

    @Inject
    MeterRegistry registry;

    void drafted(String by) {
        Counter.builder(DRAFTED).description("Discharge summaries drafted").tag("by", by).register(registry).increment();
    }

    void signed() {
        Counter.builder(SIGNED).description("Discharge summaries signed").register(registry).increment();
    }

    void mismatched() {
        Counter.builder(MISMATCHED).description("Discharge events that disagreed with a signed discharge summary").register(registry)
                .increment();
    }
}
