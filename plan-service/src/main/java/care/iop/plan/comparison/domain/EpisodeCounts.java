package care.iop.plan.comparison.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import care.iop.plan.comparison.stats.Intervals;

/**
 * The episode counts of a bucket and of the cohort under the small-cell rule ({@link SmallCells}): each count is released
 * only when the episodes it counts and the others of the same set both pass; a dropout share only beside released
 * episode and dropout counts; and a cohort total only when what is left of it after the bucket counts released in every
 * view passes too (so no total minus the released buckets isolates a withheld bucket).
 */
public final class EpisodeCounts {
    /** The counted parts of a set of episodes. */
    public enum Kind {
        EPISODES("episodes", e -> true), ANALYSED("analysed", e -> e.outcome().analysed()),
        NO_BASELINE("noBaseline", e -> e.outcome().exclusion() == Exclusion.NO_BASELINE),
        LEFT_EARLY("leftEarly", e -> e.outcome().exclusion() == Exclusion.LEFT_EARLY),
        NO_FOLLOW_UP("noFollowUp", e -> e.outcome().exclusion() == Exclusion.NO_FOLLOW_UP),
        DROPOUTS("dropouts", e -> e.outcome().dropout());

        final String field;
        final Predicate<AnalysedEpisode> member;

        Kind(String field, Predicate<AnalysedEpisode> member) {
            this.field = field;
            this.member = member;
        }
    }

    private final SmallCells cells;

    public EpisodeCounts(SmallCells cells) {
        this.cells = cells;
    }

    /** Whether the count of {@code kind} in {@code set} may be released on its own. */
    public boolean released(Kind kind, Collection<AnalysedEpisode> set) {
        return switch (kind) {
            case EPISODES -> cells.splits(set, Kind.ANALYSED.member, AnalysedEpisode::facts);
            case ANALYSED -> cells.passes(set.stream().filter(Kind.ANALYSED.member).toList(), AnalysedEpisode::facts)
                    && cells.passes(set, AnalysedEpisode::facts);
            default -> cells.splits(set, kind.member, AnalysedEpisode::facts);
        };
    }

    /** The counts of one bucket. */
    public ModalityComparison.Counts ofBucket(Collection<AnalysedEpisode> bucket) {
        return counts(bucket, kind -> released(kind, bucket));
    }

    /**
     * The counts of the whole cohort, given each view's buckets: a total is released when its own rule allows it and, in
     * every view, the episodes of that kind in buckets whose count was withheld pass as well.
     */
    public ModalityComparison.Counts ofCohort(Collection<AnalysedEpisode> cohort, List<Map<String, List<AnalysedEpisode>>> views) {
        return counts(cohort, kind -> released(kind, cohort) && views.stream().allMatch(buckets -> remainderPasses(kind, buckets)));
    }

    private boolean remainderPasses(Kind kind, Map<String, List<AnalysedEpisode>> buckets) {
        List<AnalysedEpisode> remainder = new ArrayList<>();
        buckets.values().forEach(bucket -> {
            if (!released(kind, bucket)) {
                bucket.stream().filter(kind.member).forEach(remainder::add);
            }
        });
        return cells.passes(remainder, AnalysedEpisode::facts);
    }

    private ModalityComparison.Counts counts(Collection<AnalysedEpisode> set, Predicate<Kind> release) {
        Set<String> suppressed = new HashSet<>();
        Integer[] values = new Integer[Kind.values().length];
        for (Kind kind : Kind.values()) {
            if (release.test(kind)) {
                values[kind.ordinal()] = (int) set.stream().filter(kind.member).count();
            } else {
                suppressed.add(kind.field);
            }
        }
        Integer episodes = values[Kind.EPISODES.ordinal()];
        Integer dropouts = values[Kind.DROPOUTS.ordinal()];
        boolean share = episodes != null && dropouts != null && episodes > 0;
        if (!share && !set.isEmpty()) {
            suppressed.add("dropoutShare");
        }
        return new ModalityComparison.Counts(episodes, values[Kind.ANALYSED.ordinal()], values[Kind.NO_BASELINE.ordinal()],
                values[Kind.LEFT_EARLY.ordinal()], values[Kind.NO_FOLLOW_UP.ordinal()], dropouts,
                share ? Intervals.wilson(dropouts, episodes) : null, order(suppressed));
    }

    private static List<String> order(Set<String> suppressed) {
        List<String> fields = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (suppressed.contains(kind.field)) {
                fields.add(kind.field);
            }
        }
        if (suppressed.contains("dropoutShare")) {
            fields.add("dropoutShare");
        }
        return fields;
    }
}
