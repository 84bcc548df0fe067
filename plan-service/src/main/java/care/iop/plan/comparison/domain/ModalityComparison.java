package care.iop.plan.comparison.domain;

import java.math.BigDecimal;
import java.util.List;

import care.iop.plan.comparison.stats.Estimate;
import care.iop.plan.outcomes.domain.Instrument;

/**
 * The comparison of outcomes by exposure, as the service answers it (the REST layer rounds and renders it as JSON, CSV
 * or SVG). A null figure was suppressed when its name is in the record's {@code suppressed} list, and does not apply
 * otherwise (no remission for AUDIT, no interval below two values). Figures are unrounded.
 */
public record ModalityComparison(Instrument instrument, ReportingWindow window, String track, Settings settings, Counts cohort,
                                 List<ExposureComparison> exposures, Switches switches) {

    /** What the answer says about the kind of evidence it is. */
    public static final String OBSERVATIONAL = "Observational data, not a trial: patients were not randomised to a modality."
            + " Programs choose the mix by the patient's comfort with groups, needs and severity (confounding by indication),"
            + " so the groups differ before treatment starts. The adjusted differences remove the part explained by the"
            + " baseline score (and track and level of care where the data allow), not the differences nobody measured."
            + " Read a difference as an association to look into, not as the effect of the modality.";

    /** The rules the answer was computed with. */
    public record Settings(ExposureScale scale, int groupSessionMinutes, List<String> buckets, List<BigDecimal> cutPoints,
                           int baselineDaysBefore, int baselineDaysAfter, int followUpMinimumDays, FollowUpChoice followUp,
                           boolean weeklyOutcome, int elevatedBaseline, int minCellSize, int blockMonths) {
    }

    /** Episode counts of a set (the cohort, a bucket); dropouts are episodes discharged without a planned end. */
    public record Counts(Integer episodes, Integer analysed, Integer noBaseline, Integer leftEarly, Integer noFollowUp,
                         Integer dropouts, Estimate dropoutShare, List<String> suppressed) {
    }

    /** {@code count} of {@code eligible} episodes (elevated baselines) with the share's Wilson interval. */
    public record Share(int eligible, int count, Estimate share) {
    }

    /** One exposure bucket; {@code suppressed} true: the whole bucket is withheld (only its name is shown). */
    public record Bucket(String bucket, boolean suppressed, Counts counts, Integer n, Double meanBaseline, Double meanFollowUp,
                         Estimate meanChange, Share response, Share remission, Double attendanceRate, List<String> suppressedFields) {

        static Bucket withheld(String bucket) {
            return new Bucket(bucket, true, null, null, null, null, null, null, null, null, List.of());
        }
    }

    /**
     * {@code bucket} minus {@code reference}: in mean change (Welch), adjusted for baseline (ANCOVA), adjusted for
     * baseline and {@code fullCovariates} (track, level of care, where the data allow), and in response and remission
     * shares (Newcombe). Negative mean-change differences: {@code bucket} improved more.
     */
    public record Difference(String reference, String bucket, Estimate meanChange, Estimate adjustedForBaseline,
                             Estimate adjustedFully, List<String> fullCovariates, Estimate response, Estimate remission,
                             List<String> suppressed) {
    }

    /**
     * The ANCOVA model behind the adjusted differences: follow-up on baseline and exposure; {@code exposureF} and
     * {@code exposureP} test whether the buckets differ at all once the baseline is accounted for (F on buckets − 1 and
     * {@code residualDf} degrees of freedom).
     */
    public record Model(Integer n, List<String> buckets, Double baselineSlope, Integer residualDf, Double exposureF, Double exposureP,
                        List<String> fullCovariates, String note) {
    }

    /** One view of exposure with its buckets and the differences between each pair of released buckets. */
    public record ExposureComparison(Exposure exposure, List<Bucket> buckets, List<Difference> differences, Model model) {
    }

    /** Score trajectories around the first switch of prescribed bucket; not applicable to AUDIT and DAST-10. */
    public record Switches(boolean applicable, String note, List<SwitchRow> rows) {
    }

    /**
     * Switchers (all, toward group, toward individual): slope of the score in points per week before the switch and after
     * it, and the mean within-patient change of slope (after − before, paired; negative: improving faster after).
     */
    public record SwitchRow(String direction, Integer n, Estimate slopeBefore, Estimate slopeAfter, Estimate difference,
                            List<String> suppressed) {
    }
}
