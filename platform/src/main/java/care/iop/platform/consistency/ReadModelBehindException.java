package care.iop.platform.consistency;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import care.iop.platform.problem.FieldError;
import care.iop.platform.problem.ProblemException;
import care.iop.problems.ProblemType;

/**
 * A request names an aggregate another service owns (or a version of it) that this service's read model does not hold
 * yet. Thrown by a rule that finds the aggregate unknown ({@link #unknown}); a method marked {@link ReadYourWrites} then
 * waits for the read model and runs again. When the wait runs out (or nobody waits), the answer is 503
 * {@code read-model-behind} with {@code Retry-After}, naming the aggregates and the field that refers to them; never the
 * 422 of a broken rule.
 */
public class ReadModelBehindException extends ProblemException {
    private final List<AggregateVersion> behind;

    private ReadModelBehindException(String field, List<AggregateVersion> behind, boolean waited) {
        super(ProblemType.READ_MODEL_BEHIND, detail(behind, waited), List.of(new FieldError(field, message(behind))));
        this.behind = List.copyOf(behind);
    }

    /** A rule found this aggregate unknown: {@code field} is the request's field that names it. */
    public static ReadModelBehindException unknown(String field, String kind, java.util.UUID id) {
        return new ReadModelBehindException(field, List.of(AggregateVersion.known(kind, id)), false);
    }

    /** The read models still lack these versions after the wait. */
    static ReadModelBehindException afterWaiting(String field, Collection<AggregateVersion> behind) {
        return new ReadModelBehindException(field, List.copyOf(behind), true);
    }

    /** The aggregates (and versions) not held yet. */
    public List<AggregateVersion> behind() {
        return behind;
    }

    /** The field the aggregates were named in (a body field, or {@value ConsistencyToken#HEADER}). */
    public String field() {
        return errors().get(0).field();
    }

    private static String message(List<AggregateVersion> behind) {
        return behind.stream().map(AggregateVersion::describe).collect(Collectors.joining(", ")) + " not received yet";
    }

    private static String detail(List<AggregateVersion> behind, boolean waited) {
        String names = behind.stream().map(AggregateVersion::describe).collect(Collectors.joining(", "));
        return names + (behind.size() == 1 ? " is" : " are") + " not known here yet: the event of the service that owns "
                + (behind.size() == 1 ? "it" : "them") + " has not arrived" + (waited ? " within the wait" : "")
                + ". This is not a broken rule: retry after the Retry-After delay.";
    }
}
