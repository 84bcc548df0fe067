package care.iop.plan.comparison.domain;

import static care.iop.plan.comparison.domain.Episodes.ADMITTED;
import static care.iop.plan.comparison.domain.Episodes.RULES;
import static care.iop.plan.comparison.domain.Episodes.episode;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import care.iop.plan.outcomes.domain.Instrument;

/** Baseline window, follow-up minimum, follow-up choice, exclusions and the elevated-baseline rule, at their boundaries. */
class CohortRulesTest {
    private static final java.time.LocalDate AS_OF = ADMITTED.plusDays(200);

    private static EpisodeOutcome outcome(Episodes e) {
        return RULES.outcomeOf(e.build(), Instrument.PHQ9, AS_OF);
    }

    @ParameterizedTest(name = "a score on day {0} is a baseline: {1}")
    @CsvSource({ "-15, false", "-14, true", "0, true", "7, true", "8, false" })
    void baselineWindowRunsFrom14DaysBeforeTo7DaysAfterAdmission(int day, boolean baseline) {
        EpisodeOutcome o = outcome(episode().score(day, 15).score(60, 5).discharged(60, "COMPLETED"));
        assertThat(o.baseline() != null).isEqualTo(baseline);
        assertThat(o.exclusion()).isEqualTo(baseline ? null : Exclusion.NO_BASELINE);
    }

    @Test
    void theBaselineIsTheScoreNearestAdmissionAndATieGoesToTheEarlierOne() {
        assertThat(outcome(episode().score(-10, 20).score(3, 18).score(6, 17).score(60, 5).discharged(60, "COMPLETED"))
                .baseline().total()).isEqualTo(18);
        assertThat(outcome(episode().score(-2, 20).score(2, 18).score(60, 5).discharged(60, "COMPLETED")).baseline().total())
                .isEqualTo(20);
    }

    @ParameterizedTest(name = "a score {0} days after the baseline is a follow-up: {1}")
    @CsvSource({ "27, false", "28, true" })
    void theFollowUpIsAtLeast28DaysAfterTheBaseline(int days, boolean followUp) {
        // baseline on day 2 (nearest to admission), the candidate 27 or 28 days after it, discharged that day
        EpisodeOutcome o = outcome(episode().score(2, 15).score(2 + days, 6).discharged(2 + days, "COMPLETED"));
        assertThat(o.followUp() != null).isEqualTo(followUp);
        assertThat(o.exclusion()).isEqualTo(followUp ? null : Exclusion.NO_FOLLOW_UP);
        if (followUp) {
            assertThat(o.change()).isEqualTo(-9);
            assertThat(o.exposureEnd()).isEqualTo(ADMITTED.plusDays(30));
        }
    }

    @Test
    void endOfEpisodeTakesTheLatestScoreUpToTheDischargeDayAndNothingForAnOpenEpisode() {
        EpisodeOutcome closed = outcome(episode().score(0, 20).score(35, 12).score(50, 9).score(51, 2).discharged(50, "COMPLETED"));
        assertThat(closed.followUp().total()).isEqualTo(9); // the day-51 score lies after the discharge
        EpisodeOutcome open = outcome(episode().score(0, 20).score(35, 12));
        assertThat(open.exclusion()).isEqualTo(Exclusion.NO_FOLLOW_UP);
        assertThat(open.exposureEnd()).isEqualTo(AS_OF);
    }

    @Test
    void lastScoreTakesTheLatestScoreAlsoOfAnOpenEpisode() {
        CohortRules lastScore = new CohortRules(14, 7, 28, FollowUpChoice.LAST_SCORE, 10);
        EpisodeOutcome open = lastScore.outcomeOf(episode().score(0, 20).score(35, 12).score(42, 10).build(), Instrument.PHQ9, AS_OF);
        assertThat(open.followUp().total()).isEqualTo(10);
        // AUDIT asks about 12 months: intake to discharge only, whatever the choice
        EpisodeOutcome audit = lastScore.outcomeOf(episode().score(0, 20).score(35, 12).build(), Instrument.AUDIT, AS_OF);
        assertThat(audit.exclusion()).isEqualTo(Exclusion.NO_FOLLOW_UP);
        assertThat(lastScore.followUpFor(Instrument.DAST10)).isEqualTo(FollowUpChoice.END_OF_EPISODE);
    }

    @Test
    void aPatientWhoLeftWithoutAFollowUpLeftEarlyAndCountsAsADropoutEvenWithOne() {
        EpisodeOutcome left = outcome(episode().score(0, 20).score(14, 18).discharged(14, "NON_ATTENDANCE"));
        assertThat(left.exclusion()).isEqualTo(Exclusion.LEFT_EARLY);
        assertThat(left.dropout()).isTrue();
        EpisodeOutcome analysedDropout = outcome(episode().score(0, 20).score(30, 12).discharged(30, "LEFT_AGAINST_ADVICE"));
        assertThat(analysedDropout.analysed()).isTrue();
        assertThat(analysedDropout.dropout()).isTrue();
        EpisodeOutcome stepDown = outcome(episode().score(0, 20).score(14, 18).discharged(14, "STEPPED_DOWN"));
        assertThat(stepDown.exclusion()).isEqualTo(Exclusion.NO_FOLLOW_UP);
        assertThat(stepDown.dropout()).isFalse();
    }

    @ParameterizedTest(name = "baseline {0}: elevated {1}")
    @CsvSource({ "9, false", "10, true" })
    void responseAndRemissionAreJudgedFromABaselineOf10(int baseline, boolean elevated) {
        EpisodeOutcome o = outcome(episode().score(0, baseline).score(40, 3).discharged(40, "COMPLETED"));
        assertThat(RULES.elevated(o, Instrument.PHQ9)).isEqualTo(elevated);
        assertThat(RULES.elevated(o, Instrument.AUDIT)).isFalse(); // no response or remission for AUDIT and DAST-10
    }

    @Test
    void responseIsAtLeastAHalvingAndRemissionBelowFive() {
        assertThat(CohortRules.responded(outcome(episode().score(0, 12).score(40, 6).discharged(40, "COMPLETED")))).isTrue();
        assertThat(CohortRules.responded(outcome(episode().score(0, 12).score(40, 7).discharged(40, "COMPLETED")))).isFalse();
        assertThat(CohortRules.remitted(outcome(episode().score(0, 12).score(40, 4).discharged(40, "COMPLETED")))).isTrue();
        assertThat(CohortRules.remitted(outcome(episode().score(0, 12).score(40, 5).discharged(40, "COMPLETED")))).isFalse();
    }
}
