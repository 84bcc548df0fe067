package care.iop.platform.consistency;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

/**
 * Runs a {@link ReadYourWrites} method again once the read models hold what it found missing. Outside the method's
 * transaction (a priority before {@code @Transactional}'s), so each run sees what the consumers committed meanwhile.
 * Called inside a transaction of its caller, it waits for nothing: the outermost method decides.
 */
@ReadYourWrites
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ReadYourWritesInterceptor {
    /** A rule that keeps finding missing what the read models hold would otherwise run until the deadline. */
    private static final int MAX_RUNS = 8;

    @Inject
    ReadModelWait wait;

    @Inject
    TransactionManager transactions;

    @AroundInvoke
    Object runUntilKnown(InvocationContext invocation) throws Exception {
        if (inTransaction()) {
            return invocation.proceed();
        }
        long deadline = wait.deadline();
        for (int run = 1; ; run++) {
            try {
                return invocation.proceed();
            } catch (ReadModelBehindException missing) {
                if (run == MAX_RUNS || System.nanoTime() >= deadline) {
                    throw ReadModelBehindException.afterWaiting(missing.field(), missing.behind());
                }
                wait.until(missing.behind(), missing.field(), deadline);
            }
        }
    }

    private boolean inTransaction() throws SystemException {
        return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    }
}
