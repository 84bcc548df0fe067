package care.iop.plan.outcomes.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plain unit tests (no Quarkus) against published t-table values. */
class StatisticsTest {

    @ParameterizedTest(name = "t(0.975, {0}) = {1}")
    @CsvSource({ "1, 12.7062", "2, 4.3027", "4, 2.7764", "5, 2.5706", "9, 2.2622", "10, 2.2281", "29, 2.0452", "120, 1.9799" })
    void studentTQuantilesMatchTheTable(int df, double expected) {
        assertThat(Statistics.studentTQuantile(0.975, df)).isCloseTo(expected, within(1e-4));
    }

    @Test
    void meanSdMedianAndInterval() {
        List<Integer> changes = List.of(-10, -8, -6, -4, -2);
        assertThat(Statistics.mean(changes)).isEqualTo(-6.0);
        assertThat(Statistics.sampleStandardDeviation(changes)).isCloseTo(Math.sqrt(10), within(1e-12));
        assertThat(Statistics.median(changes)).isEqualTo(-6.0);
        assertThat(Statistics.median(List.of(1, 2, 3, 10))).isEqualTo(2.5);
        Statistics.Interval ci = Statistics.meanConfidence95(changes);
        // 2.7764451 * sqrt(10) / sqrt(5) = 2.7764451 * sqrt(2) = 3.9264863
        assertThat(ci.lower()).isCloseTo(-9.9264863, within(1e-5));
        assertThat(ci.upper()).isCloseTo(-2.0735137, within(1e-5));
        assertThat(Statistics.meanConfidence95(List.of(3))).isNull();
    }
}
