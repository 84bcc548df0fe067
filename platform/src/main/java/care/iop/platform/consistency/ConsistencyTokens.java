package care.iop.platform.consistency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import care.iop.platform.idempotency.IdempotentAnswer;
import io.quarkus.arc.Arc;

/**
 * The aggregate versions the current request wrote, for its {@value ConsistencyToken#HEADER} answer header. Producers
 * call {@link #wrote} where they publish a state event (with the version the event carries); outside a request (a
 * consumer, a background job) nobody is answered and nothing is kept.
 */
@ApplicationScoped
public class ConsistencyTokens {

    /** The current request's writes (reached through its client proxy: methods only, never fields). */
    @RequestScoped
    static class Written {
        private final List<AggregateVersion> versions = new ArrayList<>(2);

        public void add(AggregateVersion version) {
            versions.add(version);
        }

        public List<AggregateVersion> all() {
            return versions;
        }
    }

    @Inject
    Written written;

    /** The current request changed the aggregate to this version. */
    public void wrote(String kind, UUID id, long version) {
        if (Arc.container().requestContext().isActive()) {
            written.add(new AggregateVersion(kind, id, version));
        }
    }

    /** The answer with the {@value ConsistencyToken#HEADER} header of what the current request wrote so far, if anything. */
    public IdempotentAnswer withWritten(IdempotentAnswer answer) {
        List<AggregateVersion> versions = written();
        if (versions.isEmpty()) {
            return answer;
        }
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put(ConsistencyToken.HEADER, ConsistencyToken.format(versions));
        return new IdempotentAnswer(answer.status(), headers, answer.entity(), answer.mediaType());
    }

    /** What the current request wrote, the highest version per aggregate. */
    List<AggregateVersion> written() {
        return Arc.container().requestContext().isActive() ? ConsistencyToken.merge(written.all()) : List.of();
    }
}
