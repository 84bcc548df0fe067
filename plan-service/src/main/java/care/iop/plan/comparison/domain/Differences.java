package care.iop.plan.comparison.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import care.iop.plan.comparison.stats.Ancova;
import care.iop.plan.comparison.stats.Estimate;
import care.iop.plan.comparison.stats.Intervals;

/**
 * The differences between every pair of comparable buckets of one view (configured buckets and SWITCHED whose analysed
 * episodes may be described), the later bucket minus the earlier one:
 * <ul>
 * <li>in mean change, unadjusted (Welch);</li>
 * <li>adjusted for the baseline score: one ANCOVA over the analysed episodes of all comparable buckets (follow-up on
 * baseline and bucket indicators, a common slope), the difference of the two bucket coefficients;</li>
 * <li>adjusted for baseline, track and level of care at admission, with each of the two covariates that takes at least two
 * values in the model's episodes, when the model can be estimated;</li>
 * <li>in the response and remission shares (Newcombe), when both buckets' shares are released.</li>
 * </ul>
 */
public final class Differences {
    static final String TRACK = "track";
    static final String LEVEL = "levelOfCare";

    private Differences() {
    }

    /** The differences and the model, for buckets already summarised. */
    public static Result of(Map<String, List<AnalysedEpisode>> comparable, Map<String, ModalityComparison.Bucket> summaries) {
        List<String> groups = new ArrayList<>(comparable.keySet());
        if (groups.size() < 2) {
            return new Result(List.of(), new ModalityComparison.Model(null, groups, null, null, null, null, List.of(),
                    "fewer than two buckets whose episodes may be described: nothing to compare"));
        }
        List<Ancova.Row> rows = new ArrayList<>();
        comparable.forEach((bucket, episodes) -> BucketSummaries.analysed(episodes).forEach(e -> rows.add(new Ancova.Row(bucket,
                e.outcome().baseline().total(), e.outcome().followUp().total(),
                Map.of(TRACK, e.facts().track(), LEVEL, String.valueOf(e.facts().levelOfCare()))))));
        Optional<Ancova> baseline = Ancova.fit(rows, groups, List.of());
        List<String> covariates = new ArrayList<>();
        for (String covariate : List.of(TRACK, LEVEL)) {
            if (Ancova.levelCount(rows, covariate) >= 2) {
                covariates.add(covariate);
            }
        }
        Optional<Ancova> full = covariates.isEmpty() ? Optional.empty() : Ancova.fit(rows, groups, covariates);
        List<ModalityComparison.Difference> differences = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                differences.add(difference(groups.get(i), groups.get(j), comparable, summaries, baseline, full,
                        full.isPresent() ? covariates : List.of()));
            }
        }
        String note = baseline.isEmpty() ? "too few episodes to adjust for the baseline"
                : covariates.isEmpty() ? "track and level of care do not vary among these episodes: adjusted for the baseline only"
                : full.isEmpty() ? "the model with track and level of care cannot be estimated from these episodes" : null;
        return new Result(differences, new ModalityComparison.Model(rows.size(), groups,
                baseline.map(Ancova::baselineSlope).orElse(null), baseline.map(Ancova::residualDf).orElse(null),
                baseline.map(Ancova::exposureF).orElse(null), baseline.map(Ancova::exposureP).orElse(null),
                full.isPresent() ? covariates : List.of(), note));
    }

    /** The differences of one view and the model behind the adjusted ones. */
    public record Result(List<ModalityComparison.Difference> differences, ModalityComparison.Model model) {
    }

    private static ModalityComparison.Difference difference(String reference, String bucket, Map<String, List<AnalysedEpisode>> comparable,
                                                            Map<String, ModalityComparison.Bucket> summaries, Optional<Ancova> baseline,
                                                            Optional<Ancova> full, List<String> covariates) {
        double[] a = changes(comparable.get(reference));
        double[] b = changes(comparable.get(bucket));
        List<String> suppressed = new ArrayList<>();
        ModalityComparison.Bucket ref = summaries.get(reference);
        ModalityComparison.Bucket other = summaries.get(bucket);
        return new ModalityComparison.Difference(reference, bucket, Intervals.welch(a, b),
                baseline.map(m -> m.difference(reference, bucket)).orElse(null), full.map(m -> m.difference(reference, bucket)).orElse(null),
                covariates, proportions(ref, other, "response", ref.response(), other.response(), suppressed),
                proportions(ref, other, "remission", ref.remission(), other.remission(), suppressed), suppressed);
    }

    /** Newcombe's interval of the two shares; null (and named as suppressed) when either bucket withheld its share. */
    private static Estimate proportions(ModalityComparison.Bucket ref, ModalityComparison.Bucket other, String field,
                                        ModalityComparison.Share a, ModalityComparison.Share b, List<String> suppressed) {
        if (ref.suppressedFields().contains(field) || other.suppressedFields().contains(field)) {
            suppressed.add(field);
            return null;
        }
        if (a == null || b == null || a.eligible() == 0 || b.eligible() == 0) {
            return null;
        }
        return Intervals.newcombe(a.count(), a.eligible(), b.count(), b.eligible());
    }

    private static double[] changes(List<AnalysedEpisode> episodes) {
        return BucketSummaries.analysed(episodes).stream().mapToDouble(e -> e.outcome().change()).toArray();
    }
}
