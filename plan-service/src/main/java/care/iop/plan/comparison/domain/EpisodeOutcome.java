package care.iop.plan.comparison.domain;

import java.time.LocalDate;

/**
 * The outcome of one episode on the compared instrument: baseline and follow-up scores, or why there is no change to
 * analyse ({@link Exclusion}); whether the patient dropped out; and the last day of its exposure period (the follow-up
 * day, else the discharge day, else the day of the report).
 */
public record EpisodeOutcome(EpisodeFacts.Score baseline, EpisodeFacts.Score followUp, Exclusion exclusion, boolean dropout,
                             LocalDate exposureEnd) {

    public boolean analysed() {
        return exclusion == null;
    }

    /** Follow-up minus baseline: negative is better on every instrument. */
    public int change() {
        return followUp.total() - baseline.total();
    }
}
