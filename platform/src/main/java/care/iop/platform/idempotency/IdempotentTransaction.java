package care.iop.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import care.iop.platform.consistency.ConsistencyTokens;
import care.iop.platform.privacy.Disclosure;

/**
 * Runs a method with an Idempotency-Key in one transaction and records its answer in it before it commits: the change
 * and the stored answer commit together or not at all. The services the method calls join this transaction; each
 * flushes when it returns ({@link JoinedTransactionFlush}), so the answer built after it names what its own commit
 * would have produced (the new version in an ETag). A commit failure surfaces exactly as the services' own
 * {@code @Transactional} would report it.
 */
@ApplicationScoped
public class IdempotentTransaction {

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Disclosure disclosure;

    @Inject
    ConsistencyTokens consistency;

    @Transactional(rollbackOn = Exception.class)
    public Object run(InvocationContext context, IdempotencyClaim claim) throws Exception {
        JoinedTransactionFlush.wrap(transactions.getTransactionKey());
        try {
            Object result = context.proceed();
            // a replay names the versions the first request wrote, so a retrying client keeps its read-your-writes token
            IdempotentAnswer answer = consistency.withWritten(IdempotentAnswer.of(result));
            if (answer.success()) {
                claim.record(answer, disclosure.noticeRequired());
            }
            return result;
        } finally {
            JoinedTransactionFlush.unwrap();
        }
    }
}
