package care.iop.plan.comparison.stats;

/** A point estimate with its two-sided 95 % confidence interval. */
public record Estimate(double estimate, double lower, double upper) {

    /** True when the interval contains {@code value} (bounds included). */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
