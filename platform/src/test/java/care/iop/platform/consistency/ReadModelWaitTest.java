package care.iop.platform.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The bounded wait on its own: read models stand in as a map of applied versions, the consumer as a thread that applies
 * a version and wakes the waiters.
 */
class ReadModelWaitTest {
    private static final UUID CLINICIAN = UUID.randomUUID();
    private static final Duration MAX_WAIT = Duration.ofMillis(500);

    private final Map<UUID, Long> applied = new ConcurrentHashMap<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ReadModelWait wait = waitWith(2);

    @Test
    void aKnownAggregateReturnsAtOnceAndWaitsForNothing() {
        applied.put(CLINICIAN, 0L);
        wait.until(List.of(AggregateVersion.known("clinician", CLINICIAN)), "clinicianId", wait.deadline());
        assertThat(metrics.getMeters()).isEmpty();
        assertThat(wait.signals.waiters().size()).isZero();
    }

    @Test
    void kindsThisServiceDoesNotKeepAreIgnored() {
        wait.until(List.of(new AggregateVersion("plan", UUID.randomUUID(), 7)), "Consistency-Token", wait.deadline());
        assertThat(metrics.getMeters()).isEmpty();
    }

    @Test
    void anAggregateAppliedDuringTheWaitEndsItWhenTheConsumerWakesIt() throws Exception {
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() ->
                wait.until(List.of(new AggregateVersion("clinician", CLINICIAN, 2)), "clinicianId", System.nanoTime() + TimeUnit.SECONDS.toNanos(10)));
        awaitRegistered();
        applied.put(CLINICIAN, 1L); // an older version wakes it, it looks again and goes on waiting
        wait.signals.waiters().wake(List.of(CLINICIAN.toString()));
        awaitRegistered();
        assertThat(waiting).isNotDone();
        applied.put(CLINICIAN, 2L);
        wait.signals.waiters().wake(List.of(CLINICIAN.toString()));
        waiting.get(5, TimeUnit.SECONDS);
        assertThat(metrics.get(ReadModelWait.METRIC).tag("outcome", "caught-up").timer().count()).isEqualTo(1);
        assertThat(wait.signals.waiters().size()).isZero();
    }

    @Test
    void anAggregateThatNeverArrivesEndsTheWaitAtTheDeadlineWithTheProblem() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> wait.until(List.of(AggregateVersion.known("clinician", CLINICIAN)), "clinicianId", wait.deadline()))
                .isInstanceOfSatisfying(ReadModelBehindException.class, e -> {
                    assertThat(e.field()).isEqualTo("clinicianId");
                    assertThat(e.behind()).containsExactly(AggregateVersion.known("clinician", CLINICIAN));
                });
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(MAX_WAIT.toNanos());
        assertThat(metrics.get(ReadModelWait.METRIC).tag("outcome", "timed-out").timer().count()).isEqualTo(1);
        assertThat(wait.signals.waiters().size()).isZero();
    }

    @Test
    void beyondMaxWaitingARequestIsRefusedAtOnce() throws Exception {
        List<CompletableFuture<Void>> busy = List.of(
                CompletableFuture.runAsync(() -> waitQuietly(UUID.randomUUID())), CompletableFuture.runAsync(() -> waitQuietly(UUID.randomUUID())));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (wait.signals.waiters().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> wait.until(List.of(AggregateVersion.known("clinician", CLINICIAN)), "clinicianId", wait.deadline()))
                .isInstanceOf(ReadModelBehindException.class);
        assertThat(System.nanoTime() - start).isLessThan(MAX_WAIT.toNanos() / 2);
        assertThat(metrics.get(ReadModelWait.METRIC).tag("outcome", "refused").timer().count()).isEqualTo(1);
        for (CompletableFuture<Void> f : busy) {
            f.get(5, TimeUnit.SECONDS);
        }
    }

    private void waitQuietly(UUID id) {
        try {
            wait.until(List.of(AggregateVersion.known("clinician", id)), "clinicianId", wait.deadline());
        } catch (ReadModelBehindException expected) {
            // timed out, as nobody applies it
        }
    }

    private void awaitRegistered() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (wait.signals.waiters().size() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(wait.signals.waiters().size()).isEqualTo(1);
    }

    private ReadModelWait waitWith(int maxWaiting) {
        ReadModelWait w = new ReadModelWait();
        w.config = new ReadYourWritesConfig() {
            @Override
            public Duration maxWait() {
                return MAX_WAIT;
            }

            @Override
            public Duration retryAfter() {
                return Duration.ofSeconds(1);
            }

            @Override
            public int maxWaiting() {
                return maxWaiting;
            }

            @Override
            public Map<String, String> readModels() {
                return Map.of("clinician", "known_clinician");
            }
        };
        w.versions = new ReadModelVersions() {
            @Override
            public boolean holds(String kind) {
                return "clinician".equals(kind);
            }

            @Override
            public Set<AggregateVersion> behind(Collection<AggregateVersion> wanted) {
                Set<AggregateVersion> behind = new LinkedHashSet<>();
                held(wanted).stream().filter(v -> applied.getOrDefault(v.id(), -1L) < v.version()).forEach(behind::add);
                return behind;
            }
        };
        w.signals = new ReadModelSignals();
        w.metrics = metrics;
        return w;
    }
}
