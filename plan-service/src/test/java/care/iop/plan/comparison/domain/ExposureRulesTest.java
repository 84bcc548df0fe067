package care.iop.plan.comparison.domain;

import static care.iop.plan.comparison.domain.Episodes.BUCKETS;
import static care.iop.plan.comparison.domain.Episodes.EXPOSURES;
import static care.iop.plan.comparison.domain.Episodes.INDIVIDUAL_HEAVY;
import static care.iop.plan.comparison.domain.Episodes.STANDARD_IOP;
import static care.iop.plan.comparison.domain.Episodes.episode;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import care.iop.events.ModalityMix;

/** The bucket scale on the standard IOP week and the proposal's steps, the cut-point boundaries, switches and the two views. */
class ExposureRulesTest {

    private static Fraction share(ExposureScale scale, int groupSessionMinutes, ModalityMix mix) {
        return scale.groupShare(Dose.weekOf(mix), groupSessionMinutes);
    }

    @Test
    void theStandardIopWeekOnEachScale() {
        // one 50-minute individual session and three 3-hour groups
        assertThat(share(ExposureScale.HOURS, 90, STANDARD_IOP)).isEqualTo(new Fraction(540, 590)); // 91.5 %: today's minutes rule
        assertThat(share(ExposureScale.SESSIONS, 180, STANDARD_IOP)).isEqualTo(new Fraction(540, 720)); // 3 of 4 sessions
        assertThat(share(ExposureScale.SESSIONS, 90, STANDARD_IOP)).isEqualTo(new Fraction(540, 630)); // 6 of 7 (90-minute groups)
        assertThat(BUCKETS.bucketOf(share(ExposureScale.SESSIONS, 90, STANDARD_IOP))).isEqualTo("GROUP_HEAVY");
    }

    @ParameterizedTest(name = "{0}: {1} x {2} min individual + {3} h group -> {4}")
    @CsvSource({
            "individual only (no group consent), 5, 60, 0, INDIVIDUAL",
            "individual-heavy step, 5, 60, 4.5, INDIVIDUAL_HEAVY",
            "mixed step, 4, 60, 6, MIXED",
            "group-heavy step, 1, 50, 9, GROUP_HEAVY" })
    void theProposalsStepsLandInBucketsOfTheirOwn(String step, int individual, int minutes, double groupHours, String bucket) {
        assertThat(BUCKETS.bucketOf(share(ExposureScale.SESSIONS, 90, new ModalityMix(individual, minutes, groupHours, 0)))).isEqualTo(bucket);
    }

    @Test
    void onTheHoursScaleTheMixedAndGroupHeavyStepsAreBothMostlyGroup() {
        assertThat(share(ExposureScale.HOURS, 90, new ModalityMix(4, 60, 6, 0)).value()).isEqualTo(0.6);
        assertThat(share(ExposureScale.HOURS, 90, INDIVIDUAL_HEAVY).value()).isCloseTo(270.0 / 570, org.assertj.core.data.Offset.offset(1e-12));
    }

    @ParameterizedTest(name = "group share {0}/{1} -> {2}")
    @CsvSource({ "24, 100, INDIVIDUAL", "25, 100, INDIVIDUAL_HEAVY", "1, 4, INDIVIDUAL_HEAVY", "44, 100, INDIVIDUAL_HEAVY",
            "45, 100, MIXED", "9, 20, MIXED", "64, 100, MIXED", "65, 100, GROUP_HEAVY", "13, 20, GROUP_HEAVY", "1, 1, GROUP_HEAVY" })
    void aShareOnACutPointBelongsToTheBucketAbove(long group, long total, String bucket) {
        assertThat(BUCKETS.bucketOf(new Fraction(group, total))).isEqualTo(bucket);
    }

    @Test
    void aBucketScaleNeedsIncreasingCutPointsAndOneNameMore() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BucketScale(java.util.List.of("A", "B"),
                java.util.List.of(new BigDecimal("0.5"), new BigDecimal("0.6")))).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BucketScale(java.util.List.of("A", "B", "C"),
                java.util.List.of(new BigDecimal("0.6"), new BigDecimal("0.5")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSwitchOfBucketIsAnExposureOfItsOwnAndASwitchWithinABucketIsNot() {
        EpisodeFacts switched = episode().plan(STANDARD_IOP, 21, INDIVIDUAL_HEAVY).build();
        EpisodeExposure prescribed = EXPOSURES.prescribed(switched, switched.admittedOn().plusDays(42));
        assertThat(prescribed.bucket()).isEqualTo(BucketScale.SWITCHED);
        assertThat(prescribed.firstSwitch()).isEqualTo(new EpisodeExposure.Switch(switched.admittedOn().plusDays(21), "GROUP_HEAVY",
                "INDIVIDUAL_HEAVY"));
        assertThat(prescribed.firstSwitch().direction(BUCKETS)).isEqualTo("TOWARD_INDIVIDUAL");
        // a switch after the end of the exposure period does not count
        assertThat(EXPOSURES.prescribed(switched, switched.admittedOn().plusDays(20)).bucket()).isEqualTo("GROUP_HEAVY");
        // more group hours within GROUP_HEAVY is a dose change, not a switch
        EpisodeFacts dose = episode().plan(STANDARD_IOP, 21, new ModalityMix(1, 50, 12, 0)).build();
        assertThat(EXPOSURES.prescribed(dose, dose.admittedOn().plusDays(42)).bucket()).isEqualTo("GROUP_HEAVY");
    }

    @Test
    void anEpisodeWithoutAPlanHasNoPrescribedExposureAndOneWithoutSessionsNoAttendedOne() {
        EpisodeFacts none = episode().build();
        LocalDate end = none.admittedOn().plusDays(30);
        assertThat(EXPOSURES.prescribed(none, end).bucket()).isEqualTo(BucketScale.NO_PLAN);
        assertThat(EXPOSURES.attended(none, end).bucket()).isEqualTo(BucketScale.NO_ATTENDANCE);
    }

    @Test
    void aPerfectAttenderHasTheSameShareInBothViewsAndADisengagedOneDriftsOnlyInTheAttendedView() {
        EpisodeFacts perfect = episode().plan(STANDARD_IOP).attendedWeek(0, STANDARD_IOP).attendedWeek(7, STANDARD_IOP).build();
        LocalDate end = perfect.admittedOn().plusDays(13);
        assertThat(EXPOSURES.attended(perfect, end).share()).isEqualTo(new Fraction(1080, 1260));
        assertThat(EXPOSURES.prescribed(perfect, end).share().value()).isEqualTo(EXPOSURES.attended(perfect, end).share().value());

        // prescribed the standard week, came to the individual sessions only and skipped the groups
        EpisodeFacts disengaged = episode().plan(STANDARD_IOP).session(0, "INDIVIDUAL", "ATTENDED", 50, 50)
                .session(1, "GROUP", "NO_SHOW", 0, 180).session(2, "GROUP", "ABSENT", 0, 180).session(3, "GROUP", "EXCUSED", 0, 180)
                .session(7, "INDIVIDUAL", "ATTENDED", 50, 50).build();
        assertThat(EXPOSURES.prescribed(disengaged, end).bucket()).isEqualTo("GROUP_HEAVY");
        EpisodeExposure attended = EXPOSURES.attended(disengaged, end);
        assertThat(attended.bucket()).isEqualTo("INDIVIDUAL");
        assertThat(attended.sessionsAttended()).isEqualTo(2);
        assertThat(attended.sessionsExpected()).isEqualTo(4); // the excused group does not count as missed
    }

    @Test
    void onTheSessionsScaleAGroupCountsItsScheduledLengthAndLeavingEarlyStillCountsTheSession() {
        EpisodeFacts e = episode().session(0, "GROUP", "LEFT_EARLY", 45, 180).session(1, "INDIVIDUAL", "LATE", 40, 50).build();
        LocalDate end = e.admittedOn().plusDays(7);
        assertThat(EXPOSURES.attended(e, end).share()).isEqualTo(new Fraction(180, 270));
        assertThat(new ExposureRules(ExposureScale.HOURS, 90, BUCKETS).attended(e, end).share()).isEqualTo(new Fraction(45, 85));
    }
}
