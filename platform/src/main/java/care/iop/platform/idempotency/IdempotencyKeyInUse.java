package care.iop.platform.idempotency;

import java.util.List;

import care.iop.platform.problem.FieldError;
import care.iop.platform.problem.ProblemException;
import care.iop.problems.ProblemType;

/** 409 {@code idempotency-key-in-use}: a request with the same key is still running; retry after {@link #retryAfterSeconds()}. */
public class IdempotencyKeyInUse extends ProblemException {
    private final long retryAfterSeconds;

    IdempotencyKeyInUse(String detail, long retryAfterSeconds) {
        super(ProblemType.IDEMPOTENCY_KEY_IN_USE, detail,
                List.of(new FieldError(IdempotencyInterceptor.HEADER, "a request with this key is still running")));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
