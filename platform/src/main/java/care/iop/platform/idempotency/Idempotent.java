package care.iop.platform.idempotency;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * A POST that honours {@code Idempotency-Key} ({@link IdempotencyInterceptor}): its first answer is stored per caller
 * and key, a repeat with the same request gets it again without a second change, the same key with another request
 * is 422, a repeat while the first still runs is 409. A request without the header runs exactly as before.
 * <p>
 * The stored answer commits in the transaction that commits the change, so that a retry after a crash between the
 * commit and the answer replays it. By default the interceptor runs the method in one transaction and records the
 * answer in it before it commits (the method's own {@code @Transactional} services join it).
 */
@InterceptorBinding
@Target({ METHOD, TYPE })
@Retention(RUNTIME)
public @interface Idempotent {
    /**
     * True when the change commits in a transaction on another thread, e.g. the group commit of session-service's
     * {@code BookingLine}: the interceptor then begins no transaction, and the code that commits the change records the
     * answer in that transaction ({@link IdempotencyClaim#current()}, {@link IdempotencyClaim#record}).
     */
    @Nonbinding
    boolean recordedByCommitter() default false;
}
