package care.iop.plan.comparison.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import care.iop.plan.comparison.stats.Slopes;
import care.iop.plan.outcomes.domain.Instrument;

/**
 * Turns the facts of each episode into an {@link AnalysedEpisode}: outcome ({@link CohortRules}), both exposures
 * ({@link ExposureRules}) over the exposure period, and for a switch of prescribed bucket on a weekly instrument the
 * least-squares slopes of the episode's scores before the switch day and from it on (scores from the start of the
 * baseline window to the end of the exposure period).
 */
public record EpisodeAnalysis(Instrument instrument, CohortRules rules, ExposureRules exposures) {

    public List<AnalysedEpisode> analyse(List<EpisodeFacts> episodes, LocalDate asOf) {
        return episodes.stream().map(e -> analyse(e, asOf)).toList();
    }

    public AnalysedEpisode analyse(EpisodeFacts episode, LocalDate asOf) {
        EpisodeOutcome outcome = rules.outcomeOf(episode, instrument, asOf);
        EpisodeExposure prescribed = exposures.prescribed(episode, outcome.exposureEnd());
        EpisodeExposure attended = exposures.attended(episode, outcome.exposureEnd());
        Double before = null;
        Double after = null;
        if (prescribed.firstSwitch() != null && CohortRules.weekly(instrument)) {
            LocalDate switchDay = prescribed.firstSwitch().on();
            LocalDate first = episode.admittedOn().minusDays(rules.baselineDaysBefore());
            List<EpisodeFacts.Score> scores = episode.scores().stream()
                    .filter(s -> !s.day().isBefore(first) && !s.day().isAfter(outcome.exposureEnd())).toList();
            before = Slopes.perWeek(points(scores.stream().filter(s -> s.day().isBefore(switchDay)).toList(), episode.admittedOn()));
            after = Slopes.perWeek(points(scores.stream().filter(s -> !s.day().isBefore(switchDay)).toList(), episode.admittedOn()));
        }
        return new AnalysedEpisode(episode, outcome, prescribed, attended, before, after);
    }

    private static List<Slopes.Point> points(List<EpisodeFacts.Score> scores, LocalDate origin) {
        return scores.stream().map(s -> new Slopes.Point(ChronoUnit.DAYS.between(origin, s.day()), s.total())).toList();
    }
}
