package care.iop.plan.comparison.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON answer of GET /api/v1/outcomes/modality-comparison (since issue 22; docs/outcomes.md, "Migration"): rounded
 * figures, and for every withheld figure its name in a {@code suppressed} list (a figure that is absent without being
 * listed does not apply).
 */
@Schema(description = "Outcomes by exposure (prescribed and attended modality mix, switches) over the episodes of care admitted in the"
        + " window; aggregates only, small cells withheld. Observational data: see caution.")
public record ComparisonView(
        @Schema(example = "PHQ9") String instrument,
        @Schema(description = "First admission day of the window as used (widened to a whole reporting block)", example = "2026-01-01") LocalDate from,
        @Schema(description = "Last admission day of the window as used", example = "2026-03-31") LocalDate to,
        @Schema(description = "Only episodes of patients on this track, when asked") String track,
        @Schema(description = "What kind of evidence this is: observational, confounded by indication") String caution,
        RulesView rules, CountsView cohort, List<ExposureView> exposures, SwitchesView switches) {

    /** The rules the answer was computed with (iop.comparison.*). */
    @Schema(description = "The rules the answer was computed with (iop.comparison.*)")
    public record RulesView(@Schema(example = "SESSIONS") String scale, @Schema(example = "90") int groupSessionMinutes,
                            List<String> buckets, List<BigDecimal> cutPoints, int baselineDaysBefore, int baselineDaysAfter,
                            int followUpMinimumDays, @Schema(example = "END_OF_EPISODE") String followUp,
                            @Schema(description = "weekly (PHQ-9, GAD-7) or intake-to-discharge (AUDIT, DAST-10)") String outcome,
                            Integer elevatedBaseline, int minCellSize, int blockMonths) {
    }

    /** Episode counts; dropouts are discharges without a planned end. */
    @Schema(description = "Episode counts of the cohort or a bucket; dropouts: discharged without a planned end")
    public record CountsView(Integer episodes, Integer analysed, Integer noBaseline, Integer leftEarly, Integer noFollowUp,
                             Integer dropouts, IntervalView dropoutShare, List<String> suppressed) {
    }

    /** An estimate and its 95 % confidence interval. */
    @Schema(description = "An estimate with its 95 % confidence interval")
    public record IntervalView(Double estimate, Double ci95Lower, Double ci95Upper) {
    }

    /** count of eligible (elevated baselines) with the share's Wilson interval. */
    @Schema(description = "count of eligible episodes (elevated baselines) and the share with its Wilson 95 % interval")
    public record ShareView(Integer eligible, Integer count, Double share, Double ci95Lower, Double ci95Upper) {
    }

    /** One exposure bucket. */
    @Schema(description = "One exposure bucket; suppressed=true: withheld entirely")
    public record BucketView(String bucket, boolean suppressed, CountsView counts, Integer n, Double meanBaseline, Double meanFollowUp,
                             IntervalView meanChange, ShareView response, ShareView remission, Double attendanceRate,
                             List<String> suppressedFields) {
    }

    /** bucket minus reference. */
    @Schema(description = "bucket minus reference: mean change (Welch), adjusted for baseline (ANCOVA), adjusted for baseline, track and"
            + " level of care where the data allow, response and remission shares (Newcombe)")
    public record DifferenceView(String reference, String bucket, IntervalView meanChange, IntervalView adjustedForBaseline,
                                 IntervalView adjustedFully, List<String> fullCovariates, IntervalView response, IntervalView remission,
                                 List<String> suppressed) {
    }

    /** The ANCOVA model behind the adjusted differences. */
    @Schema(description = "The ANCOVA behind the adjusted differences: follow-up on baseline and bucket (and covariates);"
            + " exposureF / exposureP: F test that the buckets differ at all once the baseline is accounted for")
    public record ModelView(Integer n, List<String> buckets, Double baselineSlope, Integer residualDf, Double exposureF, Double exposureP,
                            List<String> fullCovariates, String note) {
    }

    /** One view of exposure. */
    @Schema(description = "One view of exposure: PRESCRIBED (plans' dated schedules, intention to treat) or ATTENDED")
    public record ExposureView(String exposure, List<BucketView> buckets, List<DifferenceView> differences, ModelView model) {
    }

    /** Score trajectories around the first switch. */
    @Schema(description = "Score slopes (points per week) before and after the first switch of prescribed bucket")
    public record SwitchesView(boolean applicable, String note, List<SwitchRowView> rows) {
    }

    /** Switchers of one direction. */
    @Schema(description = "ALL, TOWARD_GROUP or TOWARD_INDIVIDUAL switchers: slopes before, after, and the paired change of slope")
    public record SwitchRowView(String direction, Integer n, IntervalView slopeBefore, IntervalView slopeAfter, IntervalView difference,
                                List<String> suppressed) {
    }
}
