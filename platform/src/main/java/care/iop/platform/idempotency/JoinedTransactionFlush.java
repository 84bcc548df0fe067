package care.iop.platform.idempotency;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Inside the transaction of a request with an Idempotency-Key ({@link IdempotentTransaction}), a {@code @Transactional}
 * method that joined it flushes when it returns, as its own commit would have: versions are incremented and
 * constraints checked before the resource builds its answer from the entities, so that the stored answer (an ETag, a
 * version in the body) is what the answer without the key would have been. Runs just inside Narayana's
 * {@code @Transactional(REQUIRED)} interceptor (priority 200); outside such a request it only reads a thread-local.
 */
@Transactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 201)
public class JoinedTransactionFlush {
    private static final ThreadLocal<Object> WRAPPED = new ThreadLocal<>();

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    static void wrap(Object transactionKey) {
        WRAPPED.set(transactionKey);
    }

    static void unwrap() {
        WRAPPED.remove();
    }

    @AroundInvoke
    Object flushOnReturn(InvocationContext context) throws Exception {
        Object result = context.proceed();
        Object wrapped = WRAPPED.get();
        if (wrapped != null && wrapped.equals(transactions.getTransactionKey())
                && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            em.flush();
        }
        return result;
    }
}
