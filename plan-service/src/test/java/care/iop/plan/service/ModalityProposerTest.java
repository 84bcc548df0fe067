package care.iop.plan.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import care.iop.plan.config.ProposalConfig;
import care.iop.plan.content.Intervention;
import care.iop.plan.content.StepUp;
import care.iop.plan.service.ModalityProposer.Input;
import care.iop.plan.service.ModalityProposer.Proposal;
import care.iop.plan.service.ModalityProposer.Score;

/** The proposal's rules at their boundaries, without the application (docs/modality-proposal.md). */
class ModalityProposerTest {
    private static final UUID CLINICIAN = UUID.randomUUID();
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    private static ModalityProposer proposer(int perDay, int days, double extraHours) {
        ModalityProposer proposer = new ModalityProposer();
        proposer.config = new ProposalConfig() {
            @Override
            public int maxIndividualPerDay() {
                return perDay;
            }

            @Override
            public int programDaysPerWeek() {
                return days;
            }

            @Override
            public int groupSessionMinutes() {
                return 90;
            }

            @Override
            public double intensifiedExtraHours() {
                return extraHours;
            }

            @Override
            public Duration scoreMaxAge() {
                return Duration.ofDays(30);
            }
        };
        return proposer;
    }

    private static final ModalityProposer DEFAULT = proposer(1, 5, 3);

    private static Input adult(String comfort, String preference) {
        return input(comfort, preference, "2.1", 9, true, 0, null, null);
    }

    private static Input input(String comfort, String preference, String level, double minimum, boolean consent, int flags, Score phq9,
                               Score gad7) {
        Double max = "2.1".equals(level) ? 19.0 : null;
        return new Input(comfort, preference, "ADULT_MH", false, level, minimum, max, consent, flags, phq9, gad7, CLINICIAN, List.of("O1"));
    }

    private static int sessions(Proposal p, String modality) {
        return p.interventions().stream().filter(i -> modality.equals(i.modality())).mapToInt(Intervention::sessionsPerWeek).sum();
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
            // comfort, preference, step, individual sessions x minutes, group sessions (90 min), weekly hours
            "COMFORTABLE, NO_PREFERENCE, group-heavy, 1, 50, 6, 9.83",
            "HESITANT, NO_PREFERENCE, mixed, 4, 60, 4, 10.0",
            "UNCOMFORTABLE, NO_PREFERENCE, individual-heavy, 5, 60, 3, 9.5",
            "COMFORTABLE, INDIVIDUAL, mixed, 4, 60, 4, 10.0",
            "HESITANT, GROUP, group-heavy, 1, 50, 6, 9.83",
            "HESITANT, INDIVIDUAL, individual-heavy, 5, 60, 3, 9.5",
            "UNCOMFORTABLE, GROUP, mixed, 4, 60, 4, 10.0" })
    void eachStepReachesTheMinimumWithAtMostOneIndividualSessionADay(String comfort, String preference, String step, int individual,
            int minutes, int groups, double hours) {
        Proposal p = DEFAULT.propose(adult(comfort, preference));
        assertThat(p.step()).isEqualTo(step);
        assertThat(p.mix().individualSessionsPerWeek()).isEqualTo(individual);
        assertThat(p.mix().individualSessionMinutes()).isEqualTo(minutes);
        assertThat(p.mix().groupHoursPerWeek()).isEqualTo(groups * 1.5);
        assertThat(Math.round(p.mix().weeklyHours() * 100) / 100.0).isEqualTo(hours);
        assertThat(p.mix().weeklyHours()).isBetween(9.0, 19.0);
        assertThat(p.interventions()).allSatisfy(i -> {
            assertThat(i.responsibleClinicianId()).isEqualTo(CLINICIAN);
            assertThat(i.objectiveIds()).containsExactly("O1");
            assertThat(i.durationWeeks()).isNull();
        });
        assertThat(p.interventions()).extracting(Intervention::modality).containsExactly("individual", "group");
    }

    @Test
    void theIndividualHeavyStepIsCappedAtOneSessionADayAndTheCapIsConfigurable() {
        // two thirds of 9 h is 6 sessions: one a day on 5 days caps it at 5
        Proposal capped = DEFAULT.propose(adult("UNCOMFORTABLE", "NO_PREFERENCE"));
        assertThat(capped.mix().individualSessionsPerWeek()).isEqualTo(5);
        assertThat(capped.rationale()).contains("at most 1 individual session a day on 5 program days (5 a week)");
        // two a day: the cap (10) no longer binds
        assertThat(proposer(2, 5, 3).propose(adult("UNCOMFORTABLE", "NO_PREFERENCE")).mix().individualSessionsPerWeek()).isEqualTo(6);
        // a 3-day program week: at most 3, the rest in groups
        Proposal threeDays = proposer(1, 3, 3).propose(adult("UNCOMFORTABLE", "NO_PREFERENCE"));
        assertThat(threeDays.mix().individualSessionsPerWeek()).isEqualTo(3);
        assertThat(threeDays.mix().weeklyHours()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void everyCombinationStaysWithinTheMinimumAndTheCeilingAndTheDailyCap() {
        for (String comfort : new String[] { "COMFORTABLE", "HESITANT", "UNCOMFORTABLE", null }) {
            for (String preference : new String[] { "GROUP", "INDIVIDUAL", "NO_PREFERENCE", null }) {
                for (int flags = 0; flags <= 1; flags++) {
                    for (Score phq9 : new Score[] { null, new Score(12, "MODERATE", DAY), new Score(17, "MODERATELY_SEVERE", DAY),
                            new Score(24, "SEVERE", DAY) }) {
                        Proposal p = DEFAULT.propose(input(comfort, preference, "2.1", 9, true, flags, phq9, null));
                        assertThat(p.mix().weeklyHours()).as(p.rationale()).isBetween(9.0, 19.0);
                        assertThat(p.mix().individualSessionsPerWeek()).as(p.rationale()).isBetween(1, 5);
                    }
                }
            }
        }
    }

    @Test
    void withoutGroupConsentItIsIndividualOnlyAtOneADayBelowTheMinimumAndNamesTheStepOnceConsented() {
        Proposal p = DEFAULT.propose(input("COMFORTABLE", "NO_PREFERENCE", "2.1", 9, false, 0, null, null));
        assertThat(p.step()).isEqualTo("individual-only");
        assertThat(p.mix().individualSessionsPerWeek()).isEqualTo(5);
        assertThat(p.mix().groupHoursPerWeek()).isZero();
        assertThat(p.mix().weeklyHours()).isEqualTo(5.0);
        assertThat(p.rationale()).contains("below the minimum: a belowMinimumJustification is needed");
        assertThat(p.stepUp()).isEqualTo(new StepUp("modality", "group-heavy", "once the patient consents to group therapy: switch to the"
                + " group-heavy step (1 x 50 min individual + 6 x 90 min group = 9.83 h) with a modality change"));
    }

    @Test
    void anOpenSafetyFlagMovesOneStepTowardIndividualWorkIntensifiesAndSuggestsTheNextLevel() {
        Proposal p = DEFAULT.propose(input("COMFORTABLE", "NO_PREFERENCE", "2.1", 9, true, 1, null, null));
        assertThat(p.step()).isEqualTo("mixed");
        assertThat(p.mix().individualSessionsPerWeek()).isEqualTo(5); // 45 % of 12 h, capped at 5
        assertThat(p.mix().weeklyHours()).isEqualTo(12.5); // 12 h target: 5 h individual + 5 x 90 min group
        assertThat(p.interventions().get(0).description()).contains("safety plan");
        assertThat(p.stepUp().kind()).isEqualTo("level-of-care");
        assertThat(p.stepUp().to()).isEqualTo("2.5");
        assertThat(p.rationale()).contains("1 open safety flag: same-day review (C-SSRS screener) and a safety plan")
                .contains("suggested step-up (level-of-care to 2.5)");
        // already individual-heavy: it stays there
        assertThat(DEFAULT.propose(input("UNCOMFORTABLE", "NO_PREFERENCE", "2.1", 9, true, 1, null, null)).step()).isEqualTo("individual-heavy");
    }

    @Test
    void phq9IntensifiesFromModeratelySevereAndSuggestsASteppedUpLevelFromSevere() {
        Proposal moderate = DEFAULT.propose(input("COMFORTABLE", "NO_PREFERENCE", "2.1", 9, true, 0, new Score(14, "MODERATE", DAY), null));
        assertThat(moderate.mix().weeklyHours()).isEqualTo(DEFAULT.propose(adult("COMFORTABLE", "NO_PREFERENCE")).mix().weeklyHours());
        assertThat(moderate.stepUp()).isNull();
        assertThat(moderate.rationale()).contains("latest PHQ-9 14 (MODERATE) on 2026-11-20");

        Proposal elevated = DEFAULT.propose(input("COMFORTABLE", "NO_PREFERENCE", "2.1", 9, true, 0,
                new Score(15, "MODERATELY_SEVERE", DAY), null));
        assertThat(elevated.step()).isEqualTo("group-heavy");
        assertThat(elevated.mix().individualSessionsPerWeek()).isEqualTo(2);
        assertThat(elevated.mix().weeklyHours()).isBetween(12.0, 13.5);
        assertThat(elevated.stepUp()).isNull();
        assertThat(elevated.rationale()).contains("intensified: aiming at 12 h a week with at least 2 individual sessions");

        Proposal severe = DEFAULT.propose(input("COMFORTABLE", "NO_PREFERENCE", "2.1", 9, true, 0, new Score(20, "SEVERE", DAY), null));
        assertThat(severe.mix().weeklyHours()).isEqualTo(elevated.mix().weeklyHours());
        assertThat(severe.stepUp().to()).isEqualTo("2.5");
        assertThat(severe.stepUp().when()).contains("severe latest scores");
    }

    @Test
    void gad7IntensifiesFromItsSevereBand() {
        Proposal moderate = DEFAULT.propose(input("COMFORTABLE", "NO_PREFERENCE", "2.1", 9, true, 0, null, new Score(14, "MODERATE", DAY)));
        assertThat(moderate.stepUp()).isNull();
        assertThat(moderate.mix().individualSessionsPerWeek()).isEqualTo(1);
        Proposal severe = DEFAULT.propose(input("COMFORTABLE", "NO_PREFERENCE", "2.1", 9, true, 0, null, new Score(15, "SEVERE", DAY)));
        assertThat(severe.mix().individualSessionsPerWeek()).isEqualTo(2);
        assertThat(severe.stepUp().kind()).isEqualTo("level-of-care");
    }

    @Test
    void theIntensifiedTargetStopsAtTheCeilingAndThenSuggestsTheNextLevel() {
        Proposal p = proposer(1, 5, 12).propose(input("HESITANT", "NO_PREFERENCE", "2.1", 9, true, 0, new Score(17, "MODERATELY_SEVERE", DAY), null));
        assertThat(p.mix().weeklyHours()).isLessThanOrEqualTo(19.0).isGreaterThan(17.0);
        assertThat(p.rationale()).contains("aiming at 19 h a week").contains("(the level's ceiling)");
        assertThat(p.stepUp()).extracting(StepUp::kind, StepUp::to).containsExactly("level-of-care", "2.5");
    }

    @Test
    void atTwoFiveASevereScoreSuggestsAMoreIntensiveLevelWithoutNamingOne() {
        Proposal p = DEFAULT.propose(input("COMFORTABLE", "NO_PREFERENCE", "2.5", 20, true, 0, new Score(22, "SEVERE", DAY), null));
        assertThat(p.mix().weeklyHours()).isGreaterThanOrEqualTo(23.0);
        assertThat(p.stepUp().to()).isNull();
        assertThat(p.stepUp().when()).contains("a more intensive level of care (residential or inpatient)");
    }

    @Test
    void theModalityStepUpIsNamedWithItsNumbers() {
        Proposal individualHeavy = DEFAULT.propose(adult("UNCOMFORTABLE", "NO_PREFERENCE"));
        assertThat(individualHeavy.stepUp().kind()).isEqualTo("modality");
        assertThat(individualHeavy.stepUp().to()).isEqualTo("mixed");
        assertThat(individualHeavy.stepUp().when()).contains("after 2 weeks in which the patient attended the group hours")
                .contains("switch to the mixed step (4 x 60 min individual + 4 x 90 min group = 10 h)")
                .contains("then to group-heavy (1 x 50 min individual + 6 x 90 min group = 9.83 h)");
        assertThat(DEFAULT.propose(adult("HESITANT", null)).stepUp().to()).isEqualTo("group-heavy");
        assertThat(DEFAULT.propose(adult("COMFORTABLE", null)).stepUp()).isNull();
    }

    @Test
    void adolescentsGetAFamilySessionTowardTheSixHours() {
        Proposal p = DEFAULT.propose(new Input("UNCOMFORTABLE", null, "ADOLESCENT", true, "2.1", 6, 19.0, true, 0, null, null, CLINICIAN,
                List.of()));
        assertThat(p.interventions()).extracting(Intervention::modality).containsExactly("individual", "group", "family");
        assertThat(sessions(p, "family")).isEqualTo(1);
        assertThat(p.mix().individualSessionsPerWeek()).isEqualTo(4);
        assertThat(p.mix().groupHoursPerWeek()).isEqualTo(1.5);
        assertThat(p.mix().weeklyHours()).isBetween(6.0, 6.34);
    }
}
