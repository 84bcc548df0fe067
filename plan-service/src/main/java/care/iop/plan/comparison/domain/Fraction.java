package care.iop.plan.comparison.domain;

import java.math.BigDecimal;

/**
 * A share as an exact ratio of two whole numbers (minutes, sessions), so that a share lying exactly on a cut-point is
 * classified the same way on every machine (no floating-point rounding at the boundary).
 */
public record Fraction(long numerator, long denominator) {

    public Fraction {
        if (denominator <= 0 || numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("a share needs 0 <= numerator <= denominator and denominator > 0");
        }
    }

    /** True when this share is at least {@code cut} (exactly). */
    public boolean atLeast(BigDecimal cut) {
        return BigDecimal.valueOf(numerator).compareTo(cut.multiply(BigDecimal.valueOf(denominator))) >= 0;
    }

    public double value() {
        return (double) numerator / denominator;
    }
}
