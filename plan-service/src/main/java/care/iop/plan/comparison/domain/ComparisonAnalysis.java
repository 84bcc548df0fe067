package care.iop.plan.comparison.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import care.iop.plan.outcomes.domain.Instrument;

/**
 * The whole comparison of one instrument over the episodes of a window: each episode's outcome and exposures
 * ({@link EpisodeAnalysis}), then per view the buckets ({@link BucketSummaries}) and the differences between them
 * ({@link Differences}), the cohort's counts ({@link EpisodeCounts}) and the switch trajectories ({@link SwitchAnalysis}),
 * every figure under the small-cell rule ({@link SmallCells}). Pure: the same facts give the same answer.
 */
public record ComparisonAnalysis(Instrument instrument, CohortRules rules, ExposureRules exposures, SmallCells cells) {

    public ModalityComparison compare(ReportingWindow window, String track, List<EpisodeFacts> facts, LocalDate asOf) {
        List<AnalysedEpisode> episodes = new EpisodeAnalysis(instrument, rules, exposures).analyse(facts, asOf);
        BucketSummaries summaries = new BucketSummaries(instrument, rules, cells);
        List<ModalityComparison.ExposureComparison> views = new ArrayList<>();
        List<Map<String, List<AnalysedEpisode>>> bucketsByView = new ArrayList<>();
        for (Exposure view : Exposure.values()) {
            Map<String, List<AnalysedEpisode>> buckets = byBucket(episodes, view);
            bucketsByView.add(buckets);
            Map<String, ModalityComparison.Bucket> shown = new LinkedHashMap<>();
            Map<String, List<AnalysedEpisode>> comparable = new LinkedHashMap<>();
            buckets.forEach((bucket, members) -> {
                shown.put(bucket, summaries.of(bucket, members));
                if (exposures.buckets().compared(bucket) && summaries.comparable(members)) {
                    comparable.put(bucket, members);
                }
            });
            Differences.Result differences = Differences.of(comparable, shown);
            views.add(new ModalityComparison.ExposureComparison(view, List.copyOf(shown.values()), differences.differences(),
                    differences.model()));
        }
        ModalityComparison.Counts cohort = new EpisodeCounts(cells).ofCohort(episodes, bucketsByView);
        ModalityComparison.Switches switches = new SwitchAnalysis(exposures.buckets(), cells).of(episodes, CohortRules.weekly(instrument));
        return new ModalityComparison(instrument, window, track, settings(), cohort, views, switches);
    }

    /** The rules of this analysis, as the answer reports them. */
    public ModalityComparison.Settings settings() {
        List<BigDecimal> cuts = exposures.buckets().cutPoints();
        return new ModalityComparison.Settings(exposures.scale(), exposures.groupSessionMinutes(), exposures.buckets().names(), cuts,
                rules.baselineDaysBefore(), rules.baselineDaysAfter(), rules.followUpMinimumDays(), rules.followUpFor(instrument),
                CohortRules.weekly(instrument), rules.elevatedBaseline(), cells.threshold(), cells.blockMonths());
    }

    /** Every bucket of the view in display order (configured buckets, then SWITCHED for the prescribed view, then none). */
    Map<String, List<AnalysedEpisode>> byBucket(List<AnalysedEpisode> episodes, Exposure view) {
        Map<String, List<AnalysedEpisode>> buckets = new LinkedHashMap<>();
        exposures.buckets().names().forEach(b -> buckets.put(b, new ArrayList<>()));
        if (view == Exposure.PRESCRIBED) {
            buckets.put(BucketScale.SWITCHED, new ArrayList<>());
            buckets.put(BucketScale.NO_PLAN, new ArrayList<>());
        } else {
            buckets.put(BucketScale.NO_ATTENDANCE, new ArrayList<>());
        }
        episodes.forEach(e -> buckets.get(e.exposure(view).bucket()).add(e));
        return buckets;
    }
}
