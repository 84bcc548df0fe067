package care.iop.plan.comparison.domain;

/**
 * Which score is the follow-up (at least the follow-up minimum after the baseline): {@link #END_OF_EPISODE}, the latest
 * score on or before the discharge day of a closed episode (open episodes have none yet), or {@link #LAST_SCORE}, the
 * latest score of the episode so far, whether or not it has ended. AUDIT and DAST-10 always use END_OF_EPISODE: they ask
 * about the past 12 months and are intake and discharge instruments.
 */
public enum FollowUpChoice {
    END_OF_EPISODE, LAST_SCORE
}
