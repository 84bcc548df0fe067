package care.iop.platform.consistency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a service method whose rules look up aggregates of other services in the read models: when a rule finds one
 * unknown ({@link ReadModelBehindException#unknown}), the method's transaction rolls back, the request waits until the
 * consumer has applied it (at most {@code iop.read-your-writes.max-wait} in all) and the method runs again. Put it on the
 * outermost method of the request, next to its {@code @Transactional}: it runs outside the transaction.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface ReadYourWrites {
}
