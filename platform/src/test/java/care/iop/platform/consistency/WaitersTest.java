package care.iop.platform.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The waiting room of read-your-writes: woken by the aggregates it waits for, nothing else; empty once everybody left. */
class WaitersTest {
    private final Waiters waiters = new Waiters();

    @Test
    void aWaiterIsWokenByOneOfItsAggregates() throws Exception {
        try (Waiters.Waiter waiter = waiters.register(List.of("a", "b"))) {
            CompletableFuture<Boolean> woken = CompletableFuture.supplyAsync(() -> await(waiter, TimeUnit.SECONDS.toNanos(10)));
            waiters.wake(List.of("x"));
            assertThat(woken).isNotDone();
            waiters.wake(List.of("b"));
            assertThat(woken.get(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(waiters.size()).isZero();
    }

    @Test
    void aWaiterNobodyWakesTimesOutAndLeaves() throws Exception {
        Waiters.Waiter waiter = waiters.register(List.of("c"));
        long start = System.nanoTime();
        assertThat(waiter.await(TimeUnit.MILLISECONDS.toNanos(100))).isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(waiters.size()).isEqualTo(1);
        waiter.close();
        assertThat(waiters.size()).isZero();
    }

    @Test
    void aWakeBeforeTheWaitIsNotLost() throws Exception {
        try (Waiters.Waiter waiter = waiters.register(List.of("d"))) {
            waiters.wake(List.of("d"));
            assertThat(waiter.await(0)).isTrue();
        }
    }

    @Test
    void wakeAllWakesEveryone() throws Exception {
        try (Waiters.Waiter one = waiters.register(List.of("e")); Waiters.Waiter two = waiters.register(List.of("e", "f"))) {
            waiters.wakeAll();
            assertThat(one.await(0)).isTrue();
            assertThat(two.await(0)).isTrue();
        }
        assertThat(waiters.size()).isZero();
    }

    private static boolean await(Waiters.Waiter waiter, long nanos) {
        try {
            return waiter.await(nanos);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
