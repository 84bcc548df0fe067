package care.iop.platform.idempotency;

/**
 * Thrown by {@link IdempotencyInterceptor} instead of running a request answered before: {@link IdempotencyResponses}
 * turns it into the stored answer (an exception, because the resource method's own return type may not be a Response).
 */
public final class IdempotentReplay extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient StoredAnswer answer;

    IdempotentReplay(StoredAnswer answer) {
        super("replay", null, false, false);
        this.answer = answer;
    }

    StoredAnswer answer() {
        return answer;
    }
}
