package care.iop.plan.comparison.domain;

import java.time.LocalDate;

/**
 * One episode's exposure in one view: its bucket, the group share over the exposure period (null without therapy), the
 * first switch of prescribed bucket (prescribed view, null without one), and the sessions attended and expected (not
 * excused) in the period, for the attendance rate.
 */
public record EpisodeExposure(String bucket, Fraction share, Switch firstSwitch, long sessionsAttended, long sessionsExpected) {

    /** A switch of prescribed bucket: the first day of the new bucket, the bucket before and the one after. */
    public record Switch(LocalDate on, String from, String to) {

        /** TOWARD_GROUP when the new bucket lies on the group side of the old one, else TOWARD_INDIVIDUAL. */
        public String direction(BucketScale scale) {
            return scale.rank(to) > scale.rank(from) ? "TOWARD_GROUP" : "TOWARD_INDIVIDUAL";
        }
    }
}
