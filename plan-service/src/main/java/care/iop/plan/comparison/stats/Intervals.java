package care.iop.plan.comparison.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The 95 % intervals of the comparison, on Apache Commons Math's distributions (no hand-written quantiles):
 * <ul>
 * <li>a mean: mean ± t(0.975, n − 1) · s / √n;</li>
 * <li>a difference of two means: Welch's interval (unequal variances, Welch–Satterthwaite degrees of freedom);</li>
 * <li>a proportion: Wilson's score interval;</li>
 * <li>a difference of two proportions: Newcombe's hybrid score interval (method 10), built from the two Wilson
 * intervals.</li>
 * </ul>
 */
public final class Intervals {
    /** The 0.975 quantile of the standard normal distribution. */
    public static final double Z95 = new NormalDistribution(0, 1).inverseCumulativeProbability(0.975);

    private Intervals() {
    }

    /** The t quantile for a 95 % interval; df may be fractional (Welch). */
    public static double t95(double degreesOfFreedom) {
        return new TDistribution(degreesOfFreedom).inverseCumulativeProbability(0.975);
    }

    /** Mean with its t interval; null below two values. */
    public static Estimate mean(double[] values) {
        if (values.length < 2) {
            return null;
        }
        SummaryStatistics s = summary(values);
        double margin = t95(values.length - 1) * s.getStandardDeviation() / Math.sqrt(values.length);
        return new Estimate(s.getMean(), s.getMean() - margin, s.getMean() + margin);
    }

    /** mean(b) − mean(a) with Welch's interval; null when either has fewer than two values. */
    public static Estimate welch(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return null;
        }
        SummaryStatistics sa = summary(a);
        SummaryStatistics sb = summary(b);
        double va = sa.getVariance() / a.length;
        double vb = sb.getVariance() / b.length;
        double difference = sb.getMean() - sa.getMean();
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new Estimate(difference, difference, difference);
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double margin = t95(df) * se;
        return new Estimate(difference, difference - margin, difference + margin);
    }

    /** k of n with Wilson's score interval; null for n = 0. */
    public static Estimate wilson(long k, long n) {
        if (n <= 0) {
            return null;
        }
        double p = (double) k / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Estimate(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** kB/nB − kA/nA with Newcombe's hybrid score interval; null when either n is 0. */
    public static Estimate newcombe(long kA, long nA, long kB, long nB) {
        Estimate a = wilson(kA, nA);
        Estimate b = wilson(kB, nB);
        if (a == null || b == null) {
            return null;
        }
        double d = b.estimate() - a.estimate();
        double lower = d - Math.sqrt(square(b.estimate() - b.lower()) + square(a.upper() - a.estimate()));
        double upper = d + Math.sqrt(square(b.upper() - b.estimate()) + square(a.estimate() - a.lower()));
        return new Estimate(d, lower, upper);
    }

    private static SummaryStatistics summary(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        return s;
    }

    private static double square(double x) {
        return x * x;
    }
}
