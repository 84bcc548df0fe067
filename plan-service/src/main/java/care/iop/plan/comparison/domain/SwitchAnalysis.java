package care.iop.plan.comparison.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import care.iop.plan.comparison.stats.Estimate;
import care.iop.plan.comparison.stats.Intervals;

/**
 * Did switching help? For the episodes whose prescription switched bucket and that have two or more scores on each side
 * of the first switch: the mean slope (points per week) before and after the switch, each with its t interval, and the
 * mean within-patient change of slope (after − before) with its paired t interval; for all such switchers and by the
 * direction of the switch (toward group, toward individual). Released under the small-cell rule: the switchers with a
 * trajectory and the other switched episodes must pass, and each direction and the other direction.
 */
public record SwitchAnalysis(BucketScale scale, SmallCells cells) {
    static final String ALL = "ALL";
    static final String TOWARD_GROUP = "TOWARD_GROUP";
    static final String TOWARD_INDIVIDUAL = "TOWARD_INDIVIDUAL";

    public ModalityComparison.Switches of(List<AnalysedEpisode> episodes, boolean weekly) {
        if (!weekly) {
            return new ModalityComparison.Switches(false, "AUDIT and DAST-10 are taken at intake and discharge only: no trajectory"
                    + " around a switch", List.of());
        }
        List<AnalysedEpisode> switched = episodes.stream().filter(e -> e.prescribed().firstSwitch() != null).toList();
        List<AnalysedEpisode> trajectories = switched.stream().filter(AnalysedEpisode::hasTrajectory).toList();
        boolean all = cells.splits(switched, AnalysedEpisode::hasTrajectory, AnalysedEpisode::facts);
        List<ModalityComparison.SwitchRow> rows = new ArrayList<>();
        rows.add(row(ALL, trajectories, all));
        for (String direction : List.of(TOWARD_GROUP, TOWARD_INDIVIDUAL)) {
            Predicate<AnalysedEpisode> inDirection = e -> direction.equals(e.prescribed().firstSwitch().direction(scale));
            rows.add(row(direction, trajectories.stream().filter(inDirection).toList(),
                    all && cells.splits(trajectories, inDirection, AnalysedEpisode::facts)));
        }
        return new ModalityComparison.Switches(true, "slopes in points per week from each switcher's scores before the first switch"
                + " of prescribed bucket and from it on (at least two scores each side); negative: improving", rows);
    }

    private ModalityComparison.SwitchRow row(String direction, List<AnalysedEpisode> set, boolean released) {
        if (!released) {
            return new ModalityComparison.SwitchRow(direction, null, null, null, null, List.of("n", "slopeBefore", "slopeAfter", "difference"));
        }
        double[] before = set.stream().mapToDouble(AnalysedEpisode::slopeBefore).toArray();
        double[] after = set.stream().mapToDouble(AnalysedEpisode::slopeAfter).toArray();
        double[] change = set.stream().mapToDouble(e -> e.slopeAfter() - e.slopeBefore()).toArray();
        return new ModalityComparison.SwitchRow(direction, set.size(), mean(before), mean(after), mean(change), List.of());
    }

    private static Estimate mean(double[] values) {
        if (values.length == 0) {
            return null;
        }
        Estimate e = Intervals.mean(values);
        return e != null ? e : new Estimate(values[0], Double.NaN, Double.NaN);
    }
}
