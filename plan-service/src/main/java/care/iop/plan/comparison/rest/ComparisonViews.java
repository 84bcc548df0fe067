package care.iop.plan.comparison.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import care.iop.plan.comparison.domain.ModalityComparison;
import care.iop.plan.comparison.stats.Estimate;

/** Maps the service's {@link ModalityComparison} to its JSON view: means and differences to 2 decimals, shares to 3. */
final class ComparisonViews {
    private ComparisonViews() {
    }

    static ComparisonView of(ModalityComparison c) {
        ModalityComparison.Settings s = c.settings();
        ComparisonView.RulesView rules = new ComparisonView.RulesView(s.scale().name(), s.groupSessionMinutes(), s.buckets(), s.cutPoints(),
                s.baselineDaysBefore(), s.baselineDaysAfter(), s.followUpMinimumDays(), s.followUp().name(),
                s.weeklyOutcome() ? "weekly" : "intake-to-discharge", s.weeklyOutcome() ? s.elevatedBaseline() : null, s.minCellSize(),
                s.blockMonths());
        return new ComparisonView(c.instrument().name(), c.window().from(), c.window().to(), c.track(), ModalityComparison.OBSERVATIONAL,
                rules, counts(c.cohort()), c.exposures().stream().map(ComparisonViews::exposure).toList(), switches(c.switches()));
    }

    static ComparisonView.CountsView counts(ModalityComparison.Counts c) {
        return c == null ? null : new ComparisonView.CountsView(c.episodes(), c.analysed(), c.noBaseline(), c.leftEarly(), c.noFollowUp(),
                c.dropouts(), interval(c.dropoutShare(), 3), listed(c.suppressed()));
    }

    private static ComparisonView.ExposureView exposure(ModalityComparison.ExposureComparison e) {
        ModalityComparison.Model m = e.model();
        return new ComparisonView.ExposureView(e.exposure().name(), e.buckets().stream().map(ComparisonViews::bucket).toList(),
                e.differences().stream().map(ComparisonViews::difference).toList(),
                new ComparisonView.ModelView(m.n(), m.buckets(), round(m.baselineSlope(), 3), m.residualDf(), round(m.exposureF(), 2),
                        pValue(m.exposureP()), listed(m.fullCovariates()), m.note()));
    }

    /** A p-value to 4 decimals; below 0.0001 it reads 0.0 (report it as p < 0.0001). */
    private static Double pValue(Double p) {
        return round(p, 4);
    }

    private static ComparisonView.BucketView bucket(ModalityComparison.Bucket b) {
        return new ComparisonView.BucketView(b.bucket(), b.suppressed(), counts(b.counts()), b.n(), round(b.meanBaseline(), 2),
                round(b.meanFollowUp(), 2), interval(b.meanChange(), 2), share(b.response()), share(b.remission()),
                round(b.attendanceRate(), 3), listed(b.suppressedFields()));
    }

    private static ComparisonView.DifferenceView difference(ModalityComparison.Difference d) {
        return new ComparisonView.DifferenceView(d.reference(), d.bucket(), interval(d.meanChange(), 2), interval(d.adjustedForBaseline(), 2),
                interval(d.adjustedFully(), 2), listed(d.fullCovariates()), interval(d.response(), 3), interval(d.remission(), 3),
                listed(d.suppressed()));
    }

    private static ComparisonView.SwitchesView switches(ModalityComparison.Switches s) {
        return new ComparisonView.SwitchesView(s.applicable(), s.note(), s.rows().stream().map(r -> new ComparisonView.SwitchRowView(
                r.direction(), r.n(), interval(r.slopeBefore(), 2), interval(r.slopeAfter(), 2), interval(r.difference(), 2),
                listed(r.suppressed()))).toList());
    }

    private static ComparisonView.ShareView share(ModalityComparison.Share s) {
        if (s == null) {
            return null;
        }
        Estimate e = s.share();
        return new ComparisonView.ShareView(s.eligible(), s.count(), e == null ? null : round(e.estimate(), 3),
                e == null ? null : round(e.lower(), 3), e == null ? null : round(e.upper(), 3));
    }

    static ComparisonView.IntervalView interval(Estimate e, int places) {
        return e == null ? null : new ComparisonView.IntervalView(round(e.estimate(), places), round(e.lower(), places), round(e.upper(), places));
    }

    /** Half-up rounding; null for null and NaN (an interval of a single value). */
    static Double round(Double value, int places) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return null;
        }
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    private static List<String> listed(List<String> names) {
        return names == null || names.isEmpty() ? null : names;
    }
}
