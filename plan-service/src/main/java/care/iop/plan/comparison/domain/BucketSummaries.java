package care.iop.plan.comparison.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import care.iop.plan.comparison.stats.Estimate;
import care.iop.plan.comparison.stats.Intervals;
import care.iop.plan.outcomes.domain.Instrument;

/**
 * The figures of one exposure bucket, each released under the small-cell rule ({@link SmallCells}):
 * <ul>
 * <li>a bucket whose episodes do not pass is withheld entirely (its name only); an empty bucket shows zeros;</li>
 * <li>{@code n}, the means and the mean change's t interval describe the analysed episodes and need them to pass;</li>
 * <li>response and remission (weekly instruments, elevated baselines only) need the elevated episodes and the others,
 * and the responders (remitters) and the others among them, to pass;</li>
 * <li>the attendance rate pools the sessions attended and expected of the analysed episodes.</li>
 * </ul>
 */
public record BucketSummaries(Instrument instrument, CohortRules rules, SmallCells cells) {

    public ModalityComparison.Bucket of(String bucket, List<AnalysedEpisode> episodes) {
        if (!episodes.isEmpty() && !cells.passes(episodes, AnalysedEpisode::facts)) {
            return ModalityComparison.Bucket.withheld(bucket);
        }
        ModalityComparison.Counts counts = new EpisodeCounts(cells).ofBucket(episodes);
        List<AnalysedEpisode> analysed = analysed(episodes);
        List<String> suppressed = new ArrayList<>(counts.suppressed());
        if (analysed.isEmpty() || !cells.passes(analysed, AnalysedEpisode::facts)) {
            if (!analysed.isEmpty()) {
                suppressed.addAll(List.of("n", "meanBaseline", "meanFollowUp", "meanChange", "response", "remission", "attendanceRate"));
            }
            return new ModalityComparison.Bucket(bucket, false, counts, analysed.isEmpty() ? 0 : null, null, null, null, null, null,
                    null, suppressed);
        }
        double[] changes = analysed.stream().mapToDouble(e -> e.outcome().change()).toArray();
        Estimate change = Intervals.mean(changes);
        if (change == null) {
            change = new Estimate(changes[0], Double.NaN, Double.NaN);
        }
        ModalityComparison.Share response = null;
        ModalityComparison.Share remission = null;
        if (CohortRules.weekly(instrument)) {
            response = share(analysed, CohortRules::responded, "response", suppressed);
            remission = share(analysed, CohortRules::remitted, "remission", suppressed);
        }
        long attended = analysed.stream().mapToLong(e -> e.exposure(Exposure.ATTENDED).sessionsAttended()).sum();
        long expected = analysed.stream().mapToLong(e -> e.exposure(Exposure.ATTENDED).sessionsExpected()).sum();
        return new ModalityComparison.Bucket(bucket, false, counts, analysed.size(),
                analysed.stream().mapToDouble(e -> e.outcome().baseline().total()).average().orElseThrow(),
                analysed.stream().mapToDouble(e -> e.outcome().followUp().total()).average().orElseThrow(),
                change, response, remission, expected == 0 ? null : (double) attended / expected, suppressed);
    }

    /** Whether the bucket's analysed episodes may be described (and compared). */
    public boolean comparable(List<AnalysedEpisode> episodes) {
        List<AnalysedEpisode> analysed = analysed(episodes);
        return cells.passes(episodes, AnalysedEpisode::facts) && analysed.size() >= 2 && cells.passes(analysed, AnalysedEpisode::facts);
    }

    /** The response (or remission) share of the analysed episodes with an elevated baseline; null when withheld. */
    ModalityComparison.Share share(List<AnalysedEpisode> analysed, Predicate<EpisodeOutcome> outcome, String field,
                                   List<String> suppressed) {
        Predicate<AnalysedEpisode> elevated = e -> rules.elevated(e.outcome(), instrument);
        List<AnalysedEpisode> eligible = analysed.stream().filter(elevated).toList();
        if (eligible.isEmpty() && cells.splits(analysed, elevated, AnalysedEpisode::facts)) {
            return new ModalityComparison.Share(0, 0, null);
        }
        if (!cells.splits(analysed, elevated, AnalysedEpisode::facts)
                || !cells.splits(eligible, e -> outcome.test(e.outcome()), AnalysedEpisode::facts)) {
            suppressed.add(field);
            return null;
        }
        long k = eligible.stream().filter(e -> outcome.test(e.outcome())).count();
        return new ModalityComparison.Share(eligible.size(), (int) k, Intervals.wilson(k, eligible.size()));
    }

    static List<AnalysedEpisode> analysed(List<AnalysedEpisode> episodes) {
        return episodes.stream().filter(e -> e.outcome().analysed()).toList();
    }
}
