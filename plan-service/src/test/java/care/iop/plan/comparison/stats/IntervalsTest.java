package care.iop.plan.comparison.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plain unit tests (no Quarkus) of the intervals and the ANCOVA against published and hand-worked values. */
class IntervalsTest {

    @ParameterizedTest(name = "t(0.975, {0}) = {1}")
    @CsvSource({ "1, 12.7062", "2, 4.3027", "4, 2.7764", "5, 2.5706", "9, 2.2622", "10, 2.2281", "11, 2.2010", "29, 2.0452", "120, 1.9799" })
    void studentTQuantilesMatchTheTable(int df, double expected) {
        assertThat(Intervals.t95(df)).isCloseTo(expected, within(1e-4));
    }

    @Test
    void theNormalQuantileIs196() {
        assertThat(Intervals.Z95).isCloseTo(1.959964, within(1e-6));
    }

    @Test
    void meanWithItsTInterval() {
        // changes -10 -8 -6 -4 -2: mean -6, s = sqrt(10), margin 2.7764451 * sqrt(10) / sqrt(5) = 3.9264863
        Estimate ci = Intervals.mean(new double[] { -10, -8, -6, -4, -2 });
        assertThat(ci.estimate()).isEqualTo(-6.0);
        assertThat(ci.lower()).isCloseTo(-9.9264863, within(1e-5));
        assertThat(ci.upper()).isCloseTo(-2.0735137, within(1e-5));
        assertThat(Intervals.mean(new double[] { 3 })).isNull();
    }

    @Test
    void welchIntervalOfTwoMeans() {
        // a: 1 2 3 (mean 2, var 1), b: 2 4 6 8 (mean 5, var 20/3): se^2 = 1/3 + 5/3 = 2; df = 4 / (1/9/2 + 25/9/3) = 4.0755
        Estimate d = Intervals.welch(new double[] { 1, 2, 3 }, new double[] { 2, 4, 6, 8 });
        double df = 4 / ((1.0 / 9) / 2 + (25.0 / 9) / 3);
        double margin = new org.apache.commons.math3.distribution.TDistribution(df).inverseCumulativeProbability(0.975) * Math.sqrt(2);
        assertThat(d.estimate()).isEqualTo(3.0);
        assertThat(d.lower()).isCloseTo(3 - margin, within(1e-9));
        assertThat(d.upper()).isCloseTo(3 + margin, within(1e-9));
        assertThat(df).isCloseTo(4.0755, within(1e-4));
    }

    @Test
    void wilsonAndNewcombeMatchNewcombe1998() {
        // Newcombe (1998), Statistics in Medicine 17:873-890, example (a): 56/70 vs 48/80 -> method 10: 0.0524 to 0.3339
        Estimate d = Intervals.newcombe(48, 80, 56, 70);
        assertThat(d.estimate()).isCloseTo(0.2, within(1e-12));
        assertThat(d.lower()).isCloseTo(0.0524, within(1e-4));
        assertThat(d.upper()).isCloseTo(0.3339, within(1e-4));
        // Wilson for 0 of 12 and 12 of 12
        assertThat(Intervals.wilson(0, 12).upper()).isCloseTo(0.24249, within(1e-5));
        assertThat(Intervals.wilson(12, 12).lower()).isCloseTo(0.75751, within(1e-5));
        assertThat(Intervals.wilson(12, 12).upper()).isEqualTo(1.0);
    }

    @Test
    void ancovaMatchesTheHandWorkedCommonSlopeFormula() {
        // group A: baseline 16 14 12 10 -> follow-up 12 10 10 8; group B: baseline 24 20 16 12 -> 4 4 3 1
        // within Sxx = 20 + 80 = 100, Sxy = 12 + 20 = 32 -> b = 0.32; adjusted B - A = (3 - 10) - 0.32 * (18 - 13) = -8.6
        // SSE = (8 + 6) - 0.32 * 32 = 3.76, df = 8 - 3 = 5, var = SSE/df * (1/4 + 1/4 + 25/100)
        List<Ancova.Row> rows = new java.util.ArrayList<>();
        double[][] a = { { 16, 12 }, { 14, 10 }, { 12, 10 }, { 10, 8 } };
        double[][] b = { { 24, 4 }, { 20, 4 }, { 16, 3 }, { 12, 1 } };
        for (double[] r : a) {
            rows.add(new Ancova.Row("A", r[0], r[1], Map.of()));
        }
        for (double[] r : b) {
            rows.add(new Ancova.Row("B", r[0], r[1], Map.of()));
        }
        Ancova model = Ancova.fit(rows, List.of("A", "B"), List.of()).orElseThrow();
        assertThat(model.baselineSlope()).isCloseTo(0.32, within(1e-12));
        Estimate d = model.difference("A", "B");
        assertThat(d.estimate()).isCloseTo(-8.6, within(1e-12));
        double se = Math.sqrt(3.76 / 5 * 0.75);
        assertThat(d.upper() - d.estimate()).isCloseTo(Intervals.t95(5) * se, within(1e-9));
        assertThat(model.difference("B", "A").estimate()).isCloseTo(8.6, within(1e-12));
        // F test of the groups: without them (all 8 points) Sxx = 150, Sxy = -38, Syy = 112 -> SSE = 112 - 38^2/150 = 102.3733;
        // F = (102.3733 - 3.76) / 1 / (3.76 / 5) = 131.135 on (1, 5) df
        assertThat(model.exposureF()).isCloseTo(131.135, within(1e-3));
        assertThat(model.exposureP()).isCloseTo(1 - new org.apache.commons.math3.distribution.FDistribution(1, 5).cumulativeProbability(131.135),
                within(1e-6)).isLessThan(0.001);
        assertThat(Ancova.fit(rows.subList(0, 4), List.of("A", "B"), List.of())).isEmpty(); // one group only: singular
    }

    @Test
    void slopesArePointsPerWeek() {
        assertThat(Slopes.perWeek(List.of(new Slopes.Point(0, 20), new Slopes.Point(14, 16)))).isEqualTo(-2.0);
        assertThat(Slopes.perWeek(List.of(new Slopes.Point(0, 20)))).isNull();
        assertThat(Slopes.perWeek(List.of(new Slopes.Point(3, 20), new Slopes.Point(3, 10)))).isNull();
    }
}
