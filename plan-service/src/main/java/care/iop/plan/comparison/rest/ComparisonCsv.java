package care.iop.plan.comparison.rest;

import java.util.List;
import java.util.StringJoiner;

/**
 * The comparison as RFC 4180 CSV in long form: one row per figure, so the cohort, the buckets, the differences and the
 * ANCOVA models ({@code model}: n, baseline slope, F test of the buckets) and the switch trajectories share one table. A withheld figure has an empty estimate and {@code suppressed} true.
 */
final class ComparisonCsv {
    static final String HEADER = "section,exposure,bucket,reference,measure,estimate,ci95_lower,ci95_upper,suppressed";

    private final StringBuilder csv = new StringBuilder(HEADER).append("\r\n");

    private ComparisonCsv() {
    }

    static String of(ComparisonView c) {
        ComparisonCsv out = new ComparisonCsv();
        out.counts("cohort", "", "", c.cohort());
        for (ComparisonView.ExposureView e : c.exposures()) {
            for (ComparisonView.BucketView b : e.buckets()) {
                out.bucket(e.exposure(), b);
            }
            for (ComparisonView.DifferenceView d : e.differences()) {
                List<String> suppressed = d.suppressed() == null ? List.of() : d.suppressed();
                String[] key = { "difference", e.exposure(), d.bucket(), d.reference() };
                out.interval(key, "mean_change", d.meanChange(), false);
                out.interval(key, "adjusted_for_baseline", d.adjustedForBaseline(), false);
                out.interval(key, "adjusted_for_baseline_track_level", d.adjustedFully(), false);
                out.interval(key, "response_share", d.response(), suppressed.contains("response"));
                out.interval(key, "remission_share", d.remission(), suppressed.contains("remission"));
            }
            String[] model = { "model", e.exposure(), "", "" };
            out.value(model, "n", e.model().n(), false);
            out.value(model, "baseline_slope", e.model().baselineSlope(), false);
            out.value(model, "exposure_f", e.model().exposureF(), false);
            out.value(model, "exposure_p", e.model().exposureP(), false);
        }
        for (ComparisonView.SwitchRowView r : c.switches().rows()) {
            boolean withheld = r.suppressed() != null;
            String[] key = { "switch", "PRESCRIBED", r.direction(), "" };
            out.value(key, "n", r.n(), withheld);
            out.interval(key, "slope_before", r.slopeBefore(), withheld);
            out.interval(key, "slope_after", r.slopeAfter(), withheld);
            out.interval(key, "slope_change", r.difference(), withheld);
        }
        return out.csv.toString();
    }

    private void bucket(String exposure, ComparisonView.BucketView b) {
        String[] key = { "bucket", exposure, b.bucket(), "" };
        if (b.suppressed()) {
            value(key, "episodes", null, true);
            return;
        }
        counts("bucket", exposure, b.bucket(), b.counts());
        List<String> suppressed = b.suppressedFields() == null ? List.of() : b.suppressedFields();
        value(key, "n", b.n(), suppressed.contains("n"));
        value(key, "mean_baseline", b.meanBaseline(), suppressed.contains("meanBaseline"));
        value(key, "mean_follow_up", b.meanFollowUp(), suppressed.contains("meanFollowUp"));
        interval(key, "mean_change", b.meanChange(), suppressed.contains("meanChange"));
        share(key, "response_share", b.response(), suppressed.contains("response"));
        share(key, "remission_share", b.remission(), suppressed.contains("remission"));
        value(key, "attendance_rate", b.attendanceRate(), suppressed.contains("attendanceRate"));
    }

    private void counts(String section, String exposure, String bucket, ComparisonView.CountsView c) {
        String[] key = { section, exposure, bucket, "" };
        List<String> suppressed = c.suppressed() == null ? List.of() : c.suppressed();
        value(key, "episodes", c.episodes(), suppressed.contains("episodes"));
        value(key, "analysed", c.analysed(), suppressed.contains("analysed"));
        value(key, "no_baseline", c.noBaseline(), suppressed.contains("noBaseline"));
        value(key, "left_early", c.leftEarly(), suppressed.contains("leftEarly"));
        value(key, "no_follow_up", c.noFollowUp(), suppressed.contains("noFollowUp"));
        value(key, "dropouts", c.dropouts(), suppressed.contains("dropouts"));
        interval(key, "dropout_share", c.dropoutShare(), suppressed.contains("dropoutShare"));
    }

    private void share(String[] key, String measure, ComparisonView.ShareView s, boolean suppressed) {
        if (s == null && !suppressed) {
            return;
        }
        if (s != null) {
            value(key, measure.replace("_share", "_eligible"), s.eligible(), false);
        }
        row(key, measure, s == null ? null : s.share(), s == null ? null : s.ci95Lower(), s == null ? null : s.ci95Upper(), suppressed);
    }

    private void interval(String[] key, String measure, ComparisonView.IntervalView i, boolean suppressed) {
        if (i == null && !suppressed) {
            return;
        }
        row(key, measure, i == null ? null : i.estimate(), i == null ? null : i.ci95Lower(), i == null ? null : i.ci95Upper(), suppressed);
    }

    private void value(String[] key, String measure, Number value, boolean suppressed) {
        if (value == null && !suppressed) {
            return;
        }
        row(key, measure, value, null, null, suppressed);
    }

    private void row(String[] key, String measure, Number estimate, Number lower, Number upper, boolean suppressed) {
        StringJoiner row = new StringJoiner(",");
        for (String k : key) {
            row.add(k == null ? "" : k);
        }
        row.add(measure).add(text(estimate)).add(text(lower)).add(text(upper)).add(String.valueOf(suppressed));
        csv.append(row).append("\r\n");
    }

    private static String text(Number value) {
        return value == null ? "" : value.toString();
    }
}
