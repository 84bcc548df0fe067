package care.iop.plan.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code iop_follow_up_opened_total{kind}}: follow-up tasks opened (NO_SHOW_FOLLOW_UP, DISCHARGE_REVIEW), counted after
 * the transaction that opened them commits (a batch of events that rolls back and is applied again counts once).
 */
@ApplicationScoped
public class FollowUpMetrics {
    static final String OPENED = "iop.follow-up.opened";

    @Inject
    MeterRegistry registry;

    void opened(@Observes(during = TransactionPhase.AFTER_SUCCESS) FollowUpTaskOpened event) {
        Counter.builder(OPENED).description("Follow-up tasks opened (no-show follow-ups, discharge reviews)")
                .tag("kind", event.kind().name()).register(registry).increment();
    }
}
