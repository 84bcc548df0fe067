package care.iop.gateway.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The bounds of the remembered tokens: per caller, callers in all, expiry, what a service accepts in one header. */
class RecentWritesTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aCallerKeepsItsNewest16Aggregates() {
        RecentWrites recent = new RecentWrites(10 * SECOND, 10, 0);
        for (int i = 0; i < 20; i++) {
            recent.remember("ana", "patient:" + id(i) + "@" + i, i);
        }
        String header = recent.header("ana", null, 30);
        assertThat(header.split(", ")).hasSize(RecentWrites.PER_CALLER);
        assertThat(header).doesNotContain(id(3)).contains("patient:" + id(4) + "@4").endsWith("patient:" + id(19) + "@19");
    }

    @Test
    void beyondMaxCallersNewCallersAreNotRememberedUntilExpiredOnesAreSwept() {
        RecentWrites recent = new RecentWrites(10 * SECOND, 2, 0);
        recent.remember("a", "plan:" + id(1) + "@1", 0);
        recent.remember("b", "plan:" + id(2) + "@1", 0);
        recent.remember("c", "plan:" + id(3) + "@1", 0);
        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.header("c", null, 1)).isNull();
        // once a's and b's have expired, a full map makes room (at most once a second)
        recent.remember("c", "plan:" + id(3) + "@1", 11 * SECOND);
        assertThat(recent.size()).isEqualTo(1);
        assertThat(recent.header("c", null, 11 * SECOND)).isEqualTo("plan:" + id(3) + "@1");
        recent.sweep(22 * SECOND);
        assertThat(recent.size()).isZero();
    }

    @Test
    void theMergedHeaderStaysWithinWhatAServiceAccepts() {
        RecentWrites recent = new RecentWrites(10 * SECOND, 10, 0);
        recent.remember("ana", "patient:" + id(100) + "@1", 0);
        String own = IntStream.range(0, RecentWrites.MAX_ENTRIES).mapToObj(i -> "plan:" + id(i) + "@0").collect(Collectors.joining(", "));
        assertThat(recent.header("ana", own, 1)).isEqualTo(own);
        assertThat(recent.header("ana", "garbage", 1)).isEqualTo("garbage");
        assertThat(recent.header("ana", null, 1)).isEqualTo("patient:" + id(100) + "@1");
    }

    @Test
    void aMalformedAnswerIsIgnored() {
        RecentWrites recent = new RecentWrites(10 * SECOND, 10, 0);
        recent.remember("ana", "patient:" + id(1), 0);
        assertThat(recent.size()).isZero();
    }

    private static String id(int i) {
        return new UUID(0x5b1f8a4e3c2d4e55L, i).toString();
    }
}
