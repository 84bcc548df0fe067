package care.iop.plan.risk.service;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.platform.time.ProgramTime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One run of the overdue check: marks the flags past due ({@link OverdueFlags}) and, once that committed, counts them in
 * {@value #COUNTER}. Tests call {@link #run(OffsetDateTime)} with the instant they need.
 */
@ApplicationScoped
public class OverdueCheck {
    public static final String COUNTER = "iop.safety_flags.overdue";

    @Inject
    OverdueFlags flags;

    @Inject
    ProgramTime time;

    private final Counter overdue;

    @Inject
    OverdueCheck(MeterRegistry registry) {
        overdue = Counter.builder(COUNTER).description("Safety flags found still open after the program day they were due").register(registry);
    }

    /** Marks the flags overdue at {@code now}; returns how many. */
    public int run(OffsetDateTime now) {
        int marked = flags.markOverdue(now);
        overdue.increment(marked);
        return marked;
    }

    public int runNow() {
        return run(time.now());
    }
}
