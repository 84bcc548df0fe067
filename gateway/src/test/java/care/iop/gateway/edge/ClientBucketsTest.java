package care.iop.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Burst 2, one request per second, at most 3 clients; time is given, not read. */
class ClientBucketsTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private long now = 1_000 * SECOND;
    private final ClientBuckets buckets = new ClientBuckets(2, 1, 3, now);

    @Test
    void aClientGetsItsBurstThenWaitsForTheRate() {
        assertThat(buckets.take("a", now)).isZero();
        assertThat(buckets.take("a", now)).isZero();
        assertThat(buckets.take("a", now)).isEqualTo(SECOND);
        now += SECOND;
        assertThat(buckets.take("a", now)).isZero();
    }

    @Test
    void theMapNeverHoldsMoreThanMaxClientsHoweverManyClientsCome() {
        for (int i = 0; i < 10_000; i++) {
            buckets.take("client-" + i, now);
        }
        assertThat(buckets.size()).isEqualTo(3);
        assertThat(buckets.full()).isTrue();
    }

    @Test
    void clientsBeyondTheBoundShareOneOverflowBucketUntilOthersRefill() {
        buckets.take("a", now);
        buckets.take("b", now);
        buckets.take("c", now);
        // the map is full of clients that are not yet refilled: d and e share the overflow bucket (burst 2)
        assertThat(buckets.take("d", now)).isZero();
        assertThat(buckets.take("e", now)).isZero();
        assertThat(buckets.take("d", now)).isPositive();
        // once a, b and c have refilled they are forgotten, making room for d of its own
        now += 2 * SECOND;
        assertThat(buckets.take("d", now)).isZero();
        assertThat(buckets.take("d", now)).isZero();
        assertThat(buckets.take("d", now)).isPositive();
        assertThat(buckets.size()).isEqualTo(1);
    }

    @Test
    void aSweepDropsOnlyRefilledBucketsSoNoAnswerChanges() {
        buckets.take("idle", now);
        buckets.take("busy", now);
        buckets.take("busy", now);
        now += SECOND; // idle is full again (1 + 1); busy has 1 of 2
        buckets.sweep(now);
        assertThat(buckets.size()).isEqualTo(1);
        assertThat(buckets.take("busy", now)).isZero();
        assertThat(buckets.take("busy", now)).as("busy kept its state").isPositive();
    }
}
