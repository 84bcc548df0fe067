package care.iop.plan.comparison.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;

import care.iop.plan.outcomes.domain.Instrument;

/**
 * Baseline and follow-up of an episode (domain.md, "Measurement-based care"): the baseline is the score taken from
 * {@code baselineDaysBefore} days before to {@code baselineDaysAfter} days after the admission day, the nearest to it (a
 * tie goes to the earlier one); the follow-up is a later score taken at least {@code followUpMinimumDays} days after the
 * baseline's day, chosen by {@link FollowUpChoice} (always END_OF_EPISODE for AUDIT and DAST-10). Response and remission
 * are computed only for baselines of at least {@code elevatedBaseline} (PHQ-9 and GAD-7 of 10 or more, as HEDIS).
 */
public record CohortRules(int baselineDaysBefore, int baselineDaysAfter, int followUpMinimumDays, FollowUpChoice followUp,
                          int elevatedBaseline) {

    /** Whether {@code instrument} is a weekly outcome measure (PHQ-9, GAD-7) or an intake-to-discharge one (AUDIT, DAST-10). */
    public static boolean weekly(Instrument instrument) {
        return instrument.definesRemission();
    }

    /** The follow-up rule that applies to {@code instrument}. */
    public FollowUpChoice followUpFor(Instrument instrument) {
        return weekly(instrument) ? followUp : FollowUpChoice.END_OF_EPISODE;
    }

    /** The outcome of {@code episode} as of {@code asOf} (the report's day). */
    public EpisodeOutcome outcomeOf(EpisodeFacts episode, Instrument instrument, LocalDate asOf) {
        Optional<EpisodeFacts.Score> baseline = baseline(episode);
        Optional<EpisodeFacts.Score> followUp = baseline.flatMap(b -> followUp(episode, b, followUpFor(instrument), asOf));
        LocalDate end = followUp.map(EpisodeFacts.Score::day).orElse(episode.closed() ? episode.dischargedOn() : asOf);
        Exclusion exclusion = baseline.isEmpty() ? Exclusion.NO_BASELINE
                : followUp.isPresent() ? null : episode.droppedOut() ? Exclusion.LEFT_EARLY : Exclusion.NO_FOLLOW_UP;
        return new EpisodeOutcome(baseline.orElse(null), followUp.orElse(null), exclusion, episode.droppedOut(), end);
    }

    /** True when a response or remission can be judged: an elevated baseline on a weekly instrument. */
    public boolean elevated(EpisodeOutcome outcome, Instrument instrument) {
        return weekly(instrument) && outcome.baseline().total() >= elevatedBaseline;
    }

    /** At least a 50 % drop from the baseline. */
    public static boolean responded(EpisodeOutcome outcome) {
        return 2 * outcome.followUp().total() <= outcome.baseline().total();
    }

    /** Follow-up below 5 (PHQ-9, GAD-7). */
    public static boolean remitted(EpisodeOutcome outcome) {
        return outcome.followUp().total() < Instrument.REMISSION_BELOW;
    }

    Optional<EpisodeFacts.Score> baseline(EpisodeFacts episode) {
        LocalDate admitted = episode.admittedOn();
        LocalDate first = admitted.minusDays(baselineDaysBefore);
        LocalDate last = admitted.plusDays(baselineDaysAfter);
        return episode.scores().stream().filter(s -> !s.day().isBefore(first) && !s.day().isAfter(last))
                .min(Comparator.comparingLong((EpisodeFacts.Score s) -> Math.abs(ChronoUnit.DAYS.between(admitted, s.day())))
                        .thenComparing(EpisodeFacts.Score.ORDER));
    }

    Optional<EpisodeFacts.Score> followUp(EpisodeFacts episode, EpisodeFacts.Score baseline, FollowUpChoice choice, LocalDate asOf) {
        if (choice == FollowUpChoice.END_OF_EPISODE && !episode.closed()) {
            return Optional.empty();
        }
        LocalDate earliest = baseline.day().plusDays(followUpMinimumDays);
        LocalDate latest = episode.closed() ? episode.dischargedOn() : asOf;
        return episode.scores().stream()
                .filter(s -> s.takenAt().isAfter(baseline.takenAt()) && !s.day().isBefore(earliest) && !s.day().isAfter(latest))
                .max(EpisodeFacts.Score.ORDER);
    }
}
