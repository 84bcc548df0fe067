package care.iop.plan.measurement.domain;

import care.iop.plan.outcomes.domain.Instrument;

/**
 * The schedule of one instrument on one plan: its rule and, for {@link ScheduleRule#EVERY_DAYS}, the interval in days
 * ({@value #MIN_EVERY_DAYS} to {@value #MAX_EVERY_DAYS}: domain.md's "every 1 to 2 weeks"); {@code everyDays} is null for
 * the other rules.
 */
public record InstrumentSchedule(Instrument instrument, ScheduleRule rule, Integer everyDays) {
    public static final int MIN_EVERY_DAYS = 7;
    public static final int MAX_EVERY_DAYS = 14;

    public static InstrumentSchedule every(Instrument instrument, int days) {
        return new InstrumentSchedule(instrument, ScheduleRule.EVERY_DAYS, days);
    }

    public static InstrumentSchedule intakeAndDischarge(Instrument instrument) {
        return new InstrumentSchedule(instrument, ScheduleRule.INTAKE_AND_DISCHARGE, null);
    }

    /**
     * AUDIT and DAST-10 ask about the past 12 months: they are intake and discharge instruments, never repeated on an
     * interval (domain.md).
     */
    public static boolean allowsInterval(Instrument instrument) {
        return instrument == Instrument.PHQ9 || instrument == Instrument.GAD7;
    }
}
