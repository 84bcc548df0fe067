package care.iop.plan.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import care.iop.plan.measurement.domain.AssessmentSchedule;
import care.iop.plan.measurement.domain.DueRules;
import care.iop.plan.measurement.domain.DueRules.Due;
import care.iop.plan.measurement.domain.EffectiveSchedule;
import care.iop.plan.measurement.domain.InstrumentSchedule;
import care.iop.plan.measurement.domain.ScheduleRule;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.platform.time.ProgramTime;

/** The due rules by program day, without Quarkus: admitted on day 0 (2026-11-30), PHQ-9 every 14 days, a 12-week plan. */
class DueRulesTest {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final LocalDate ADMISSION = LocalDate.parse("2026-11-30");
    private static final LocalDate PLAN_END = ADMISSION.plusWeeks(12);
    private static final InstrumentSchedule PHQ9_14 = InstrumentSchedule.every(Instrument.PHQ9, 14);
    private static final InstrumentSchedule AUDIT = InstrumentSchedule.intakeAndDischarge(Instrument.AUDIT);

    private final DueRules rules = new DueRules(new DueRules.Windows(7, 14, 14));

    private static LocalDate day(int n) {
        return ADMISSION.plusDays(n);
    }

    /** Due on {@code today} with no look-ahead. */
    private Optional<Due> on(InstrumentSchedule schedule, Integer lastTakenDay, int today) {
        return rules.due(schedule, ADMISSION, PLAN_END, lastTakenDay == null ? null : day(lastTakenDay), day(today), day(today));
    }

    private static LocalDate programDay(String instant) {
        return new ProgramTime(ZONE, Clock.fixed(Instant.parse(instant), ZONE)).today();
    }

    @Test
    void theIntakePhq9IsDueOnAdmissionAndOverdueAfterSevenDays() {
        assertThat(on(PHQ9_14, null, 0)).hasValueSatisfying(due -> {
            assertThat(due.occurrence().dueOn()).isEqualTo(ADMISSION);
            assertThat(due.occurrence().lastOnTimeDay()).isEqualTo(day(7));
            assertThat(due.overdue()).isFalse();
        });
        assertThat(on(PHQ9_14, null, 7).orElseThrow().overdue()).isFalse();
        assertThat(on(PHQ9_14, null, 8).orElseThrow().overdue()).isTrue();
        // the baseline window: from 14 days before admission
        assertThat(on(PHQ9_14, -14, 8)).isEmpty();
        assertThat(on(PHQ9_14, -15, 8)).hasValueSatisfying(due -> assertThat(due.overdue()).isTrue());
    }

    @Test
    void theSecondOccurrenceIsDueOnDay14AndOverdueOnDay15() {
        assertThat(on(PHQ9_14, 0, 13)).isEmpty();
        assertThat(on(PHQ9_14, 0, 14)).hasValueSatisfying(due -> {
            assertThat(due.occurrence().dueOn()).isEqualTo(day(14));
            assertThat(due.overdue()).isFalse();
        });
        assertThat(on(PHQ9_14, 0, 15)).hasValueSatisfying(due -> {
            assertThat(due.occurrence().dueOn()).isEqualTo(day(14));
            assertThat(due.overdue()).isTrue();
        });
    }

    @Test
    void dayFifteenStartsAtMidnightInTheProgramTimeZone() {
        // 2026-12-14 is day 14; 04:59:59 UTC on the 15th is still the 14th in New York
        LocalDate lastSecondOfDay14 = programDay("2026-12-15T04:59:59Z");
        LocalDate firstSecondOfDay15 = programDay("2026-12-15T05:00:00Z");
        assertThat(lastSecondOfDay14).isEqualTo(day(14));
        assertThat(rules.due(PHQ9_14, ADMISSION, PLAN_END, ADMISSION, lastSecondOfDay14, lastSecondOfDay14).orElseThrow().overdue()).isFalse();
        assertThat(rules.due(PHQ9_14, ADMISSION, PLAN_END, ADMISSION, firstSecondOfDay15, firstSecondOfDay15).orElseThrow().overdue()).isTrue();
    }

    @Test
    void anAssessmentFromHalfAnIntervalBeforeTheDueDaySatisfiesItNotOneBefore() {
        // every 14 days: the window of day 14 opens on day 7
        assertThat(on(PHQ9_14, 7, 15)).isEmpty();
        assertThat(on(PHQ9_14, 6, 15)).hasValueSatisfying(due -> assertThat(due.occurrence().dueOn()).isEqualTo(day(14)));
        // every 7 days: the window of day 7 opens on day 4 (7 / 2 = 3 days before)
        InstrumentSchedule weekly = InstrumentSchedule.every(Instrument.PHQ9, 7);
        assertThat(on(weekly, 4, 8)).isEmpty();
        assertThat(on(weekly, 3, 8)).hasValueSatisfying(due -> {
            assertThat(due.occurrence().dueOn()).isEqualTo(day(7));
            assertThat(due.overdue()).isTrue();
        });
    }

    @Test
    void theNextOccurrenceIsListedAheadUpToTheHorizonUnlessTakenEarly() {
        LocalDate today = day(13);
        assertThat(rules.due(PHQ9_14, ADMISSION, PLAN_END, day(0), today, day(14))).hasValueSatisfying(due -> {
            assertThat(due.occurrence().dueOn()).isEqualTo(day(14));
            assertThat(due.overdue()).isFalse();
        });
        assertThat(rules.due(PHQ9_14, ADMISSION, PLAN_END, day(10), today, day(14))).isEmpty();
        assertThat(rules.due(PHQ9_14, ADMISSION, PLAN_END, day(0), today, day(13))).isEmpty();
    }

    @Test
    void aMissedOccurrenceGivesWayToTheNextOnce() {
        assertThat(on(PHQ9_14, 0, 27)).hasValueSatisfying(due -> {
            assertThat(due.occurrence().dueOn()).isEqualTo(day(14));
            assertThat(due.overdue()).isTrue();
        });
        assertThat(on(PHQ9_14, 0, 28)).hasValueSatisfying(due -> {
            assertThat(due.occurrence().dueOn()).isEqualTo(day(28));
            assertThat(due.overdue()).isFalse();
        });
    }

    @Test
    void beforeAdmissionOnlyTheIntakeIsListedAhead() {
        assertThat(rules.due(PHQ9_14, ADMISSION, PLAN_END, null, day(-1), day(-1))).isEmpty();
        assertThat(rules.due(PHQ9_14, ADMISSION, PLAN_END, null, day(-1), day(0))).hasValueSatisfying(due -> {
            assertThat(due.occurrence().dueOn()).isEqualTo(ADMISSION);
            assertThat(due.overdue()).isFalse();
        });
    }

    @Test
    void auditIsDueAtIntakeAndAtThePlannedDischarge() {
        assertThat(on(AUDIT, null, 0).orElseThrow().occurrence().dueOn()).isEqualTo(ADMISSION);
        assertThat(on(AUDIT, null, 7).orElseThrow().overdue()).isFalse();
        assertThat(on(AUDIT, null, 8).orElseThrow().overdue()).isTrue();
        // taken at intake: nothing more until the discharge
        assertThat(on(AUDIT, 1, 14)).isEmpty();
        assertThat(on(AUDIT, 1, 83)).isEmpty();
        assertThat(on(AUDIT, 1, 84)).hasValueSatisfying(due -> {
            assertThat(due.occurrence().dueOn()).isEqualTo(PLAN_END);
            assertThat(due.overdue()).isFalse();
        });
        assertThat(on(AUDIT, 1, 85).orElseThrow().overdue()).isTrue();
        // the discharge window: the 14 days before the planned end
        assertThat(on(AUDIT, 70, 85)).isEmpty();
        assertThat(on(AUDIT, 69, 85)).hasValueSatisfying(due -> assertThat(due.occurrence().dueOn()).isEqualTo(PLAN_END));
    }

    @Test
    void notScheduledIsNeverDue() {
        assertThat(on(new InstrumentSchedule(Instrument.AUDIT, ScheduleRule.NOT_SCHEDULED, null), null, 30)).isEmpty();
    }

    @Test
    void aPlansOwnEntryOverridesTheDefaultOfItsInstrumentOnly() {
        Map<Instrument, InstrumentSchedule> defaults = Map.of(Instrument.PHQ9, PHQ9_14, Instrument.AUDIT, AUDIT);
        assertThat(EffectiveSchedule.of(defaults, null).revision()).isZero();
        AssessmentSchedule own = new AssessmentSchedule();
        own.entries = java.util.List.of(InstrumentSchedule.every(Instrument.PHQ9, 7));
        own.revision = 3;
        EffectiveSchedule schedule = EffectiveSchedule.of(defaults, own);
        assertThat(schedule.revision()).isEqualTo(3);
        assertThat(schedule.entries()).extracting(e -> e.schedule().instrument(), e -> e.schedule().everyDays(), EffectiveSchedule.Entry::planOwn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Instrument.PHQ9, 7, true),
                        org.assertj.core.groups.Tuple.tuple(Instrument.AUDIT, null, false));
    }
}
