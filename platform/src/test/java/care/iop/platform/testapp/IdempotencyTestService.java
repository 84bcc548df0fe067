package care.iop.platform.testapp;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.outbox.Outbox;
import care.iop.platform.problem.ProblemException;

/** The changes of the idempotency test endpoints, each in its own @Transactional method as a service writes them. */
@ApplicationScoped
public class IdempotencyTestService {
    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    /** A note row, its event and its audit row. */
    @Transactional
    public NoteEvent write(NoteRequest request) {
        UUID id = UUID.randomUUID();
        insert(id, request, Outbox.Origin.current());
        audit.success(AuditAction.CREATE, "Note", id, request.patientId());
        return new NoteEvent(id, request.patientId(), request.text());
    }

    /** The note row and its event, in the caller's transaction (on any thread). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(UUID id, NoteRequest request, Outbox.Origin origin) {
        em.createNativeQuery("insert into note (id, patient_id, text, version) values (?1, ?2, ?3, 0)")
                .setParameter(1, id).setParameter(2, request.patientId()).setParameter(3, request.text()).executeUpdate();
        outbox.publish(NoteEvent.TOPIC, id, NoteEvent.TYPE, new NoteEvent(id, request.patientId(), request.text()), origin);
    }

    @Transactional
    public TestCounter create() {
        TestCounter counter = new TestCounter();
        counter.id = UUID.randomUUID();
        em.persist(counter);
        return counter;
    }

    @Transactional
    public TestCounter increment(UUID id) {
        TestCounter counter = em.find(TestCounter.class, id);
        if (counter == null) {
            throw ProblemException.notFound("Counter", id);
        }
        counter.value++;
        return counter;
    }
}
