package care.iop.plan.comparison.domain;

/**
 * One episode as the comparison sees it: its facts, its outcome on the compared instrument, its exposure in both views,
 * and, for an episode whose prescription switched bucket, the slopes of its scores (points per week) before and after the
 * first switch (null when a side has fewer than two scores).
 */
public record AnalysedEpisode(EpisodeFacts facts, EpisodeOutcome outcome, EpisodeExposure prescribed, EpisodeExposure attended,
                              Double slopeBefore, Double slopeAfter) {

    public EpisodeExposure exposure(Exposure view) {
        return view == Exposure.PRESCRIBED ? prescribed : attended;
    }

    /** Both slopes known: the episode shows how its trajectory changed at the switch. */
    public boolean hasTrajectory() {
        return slopeBefore != null && slopeAfter != null;
    }
}
