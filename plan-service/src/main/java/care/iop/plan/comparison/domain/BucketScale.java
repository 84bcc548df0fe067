package care.iop.plan.comparison.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The exposure buckets: named intervals of the group share, split at increasing cut-points. A share at or above a
 * cut-point belongs to the bucket above it (lower bounds included). Beside the configured buckets an exposure can be
 * {@link #SWITCHED} (the prescribed bucket changed during the exposure period: a switch is an exposure of its own),
 * {@link #NO_PLAN} (no plan prescribed anything) or {@link #NO_ATTENDANCE} (nothing attended).
 */
public record BucketScale(List<String> names, List<BigDecimal> cutPoints) {
    public static final String SWITCHED = "SWITCHED";
    public static final String NO_PLAN = "NO_PLAN";
    public static final String NO_ATTENDANCE = "NO_ATTENDANCE";

    public BucketScale {
        names = List.copyOf(names);
        cutPoints = List.copyOf(cutPoints);
        if (names.size() != cutPoints.size() + 1) {
            throw new IllegalArgumentException("need one bucket name more than cut-points: " + names + " / " + cutPoints);
        }
        BigDecimal previous = BigDecimal.ZERO;
        for (BigDecimal cut : cutPoints) {
            if (cut.compareTo(previous) <= 0 || cut.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("cut-points must increase within (0, 1]: " + cutPoints);
            }
            previous = cut;
        }
        if (names.stream().distinct().count() != names.size()
                || names.stream().anyMatch(n -> List.of(SWITCHED, NO_PLAN, NO_ATTENDANCE).contains(n))) {
            throw new IllegalArgumentException("bucket names must be distinct and not " + SWITCHED + ", " + NO_PLAN + " or " + NO_ATTENDANCE);
        }
    }

    /** The bucket of a share. */
    public String bucketOf(Fraction share) {
        int index = 0;
        for (BigDecimal cut : cutPoints) {
            if (share.atLeast(cut)) {
                index++;
            }
        }
        return names.get(index);
    }

    /** Position of a configured bucket from most individual (0) to most group; -1 for the others. */
    public int rank(String bucket) {
        return names.indexOf(bucket);
    }

    /** True for the configured buckets and {@link #SWITCHED}: the exposures that are compared with each other. */
    public boolean compared(String bucket) {
        return names.contains(bucket) || SWITCHED.equals(bucket);
    }
}
