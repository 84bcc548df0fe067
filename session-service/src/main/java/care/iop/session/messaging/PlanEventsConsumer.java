package care.iop.session.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.events.EventTypes;
import care.iop.events.PlanState;
import care.iop.platform.inbox.IncomingEvent;
import care.iop.platform.inbox.Inbox;
import care.iop.platform.inbox.UnprocessableEventException;
import care.iop.session.domain.ReadModels;
import care.iop.session.service.BookingService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Keeps the known plans from iop.plans. A plan change revalidates the patient's future bookings:
 * a switch to individual only cancels group bookings; a completed or revoked plan cancels them all.
 * Other known types on the topic (safety flags) are skipped.
 */
@ApplicationScoped
public class PlanEventsConsumer {
    static final String CONSUMER = "session-service.plans";

    @Inject
    Inbox inbox;

    @Inject
    ReadModels readModels;

    @Inject
    BookingService bookings;

    @Inject
    ObjectMapper json;

    @Incoming("plans")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> records) {
        return inbox.applyAll(CONSUMER, records, this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case EventTypes.PLAN_CREATED, EventTypes.PLAN_UPDATED, EventTypes.PLAN_STATUS_CHANGED, EventTypes.PLAN_MODALITY_CHANGED,
                 EventTypes.PLAN_REVIEW_RECORDED -> {
                PlanState plan = event.payloadAs(PlanState.class, json);
                if (plan.planId() == null || plan.patientId() == null) {
                    throw new UnprocessableEventException("Plan event " + event.id() + " lacks planId or patientId");
                }
                if (readModels.upsertPlan(plan)) {
                    bookings.revalidateFutureBookings(plan.patientId());
                }
            }
            default -> {
                if (!KnownEventTypes.contains(event.type())) {
                    throw event.unsupported();
                }
            }
        }
    }
}
