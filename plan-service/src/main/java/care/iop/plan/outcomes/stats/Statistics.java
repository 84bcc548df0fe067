package care.iop.plan.outcomes.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The few statistics the outcome reports need: mean, sample standard deviation, median, Student's t quantile. */
public final class Statistics {
    private Statistics() {
    }

    /** A two-sided confidence interval. */
    public record Interval(double lower, double upper) {
    }

    public static double mean(List<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).average().orElse(Double.NaN);
    }

    /** Sample standard deviation (n - 1 in the denominator); NaN below two values. */
    public static double sampleStandardDeviation(List<? extends Number> values) {
        int n = values.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = values.stream().mapToDouble(v -> (v.doubleValue() - mean) * (v.doubleValue() - mean)).sum();
        return Math.sqrt(squares / (n - 1));
    }

    public static double median(List<? extends Number> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values.stream().map(Number::doubleValue).toList());
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** mean ± t(0.975, n-1) · s / √n; null below two values. */
    public static Interval meanConfidence95(List<? extends Number> values) {
        int n = values.size();
        if (n < 2) {
            return null;
        }
        double margin = studentTQuantile(0.975, n - 1) * sampleStandardDeviation(values) / Math.sqrt(n);
        double mean = mean(values);
        return new Interval(mean - margin, mean + margin);
    }

    /** The p-quantile (p > 0.5) of Student's t distribution with {@code df} degrees of freedom, by bisection on the CDF. */
    public static double studentTQuantile(double p, int df) {
        if (df < 1 || p <= 0.5 || p >= 1) {
            throw new IllegalArgumentException("need df >= 1 and 0.5 < p < 1");
        }
        double low = 0;
        double high = 1;
        while (studentTCdf(high, df) < p) {
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 1e-12; i++) {
            double mid = (low + high) / 2;
            if (studentTCdf(mid, df) < p) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /** P(T ≤ t) for t ≥ 0: 1 − ½ · I_{df/(df+t²)}(df/2, ½). */
    static double studentTCdf(double t, int df) {
        double x = df / (df + t * t);
        return 1 - 0.5 * regularizedIncompleteBeta(x, df / 2.0, 0.5);
    }

    /** I_x(a, b) by the continued fraction of Numerical Recipes (Lentz's method). */
    static double regularizedIncompleteBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaContinuedFraction(x, a, b) / a;
        }
        return 1 - front * betaContinuedFraction(1 - x, b, a) / b;
    }

    private static double betaContinuedFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = Math.abs(d) < tiny ? tiny : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 500; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }

    /** Lanczos approximation of ln Γ(x), x > 0. */
    static double logGamma(double x) {
        double[] g = { 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
                12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7 };
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double a = 0.99999999999980993;
        double t = x + 7.5;
        for (int i = 0; i < g.length; i++) {
            a += g[i] / (x + i + 1);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
