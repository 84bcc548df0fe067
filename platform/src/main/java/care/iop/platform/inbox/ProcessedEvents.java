package care.iop.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import care.iop.platform.db.DirectSql;

/**
 * Idempotent consumption: a consumer records each event id in the same transaction as its side
 * effect. A redelivered event finds its id and is skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /** True the first time {@code consumer} sees {@code eventId} (then process it); false for a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        int inserted = DirectSql.update(em, """
                        insert into processed_event (consumer, event_id, processed_at) values (?, ?, clock_timestamp())
                        on conflict do nothing""", consumer, eventId);
        return inserted == 1;
    }
}
