package care.iop.plan.outcomes.service;

import java.time.LocalDate;
import java.util.List;

import care.iop.plan.outcomes.domain.Instrument;

/**
 * Outcomes per attended-modality bucket. A bucket below the minimum size carries only its name and
 * {@code suppressed = true}; every other field is null.
 */
public record ModalityComparison(Instrument instrument, LocalDate from, LocalDate to, String track, int minBucketSize,
                                 List<BucketOutcome> buckets) {

    public record BucketOutcome(ModalityBucket bucket, boolean suppressed, Integer n, Double meanBaseline,
                                Double meanLatest, Double meanChange, Double changeCi95Lower, Double changeCi95Upper,
                                Double responseRate, Double remissionRate, Double attendanceRate,
                                Double medianWeeksInProgram) {

        static BucketOutcome suppressed(ModalityBucket bucket) {
            return new BucketOutcome(bucket, true, null, null, null, null, null, null, null, null, null, null);
        }
    }
}
