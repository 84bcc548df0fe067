package care.iop.plan.measurement.service;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import care.iop.plan.measurement.domain.DueRules;
import care.iop.plan.measurement.domain.InstrumentSchedule;
import care.iop.plan.outcomes.domain.Instrument;

/**
 * Settings of measurement on schedule ({@code iop.measurement.*}, docs/outcomes.md): the default schedule every plan
 * follows unless it sets its own, and the windows of the due rules.
 */
@ConfigMapping(prefix = "iop.measurement")
public interface MeasurementConfig {
    /** PHQ-9 every this many days from admission, by default (7 to 14). */
    @WithDefault("14")
    @Min(InstrumentSchedule.MIN_EVERY_DAYS)
    @Max(InstrumentSchedule.MAX_EVERY_DAYS)
    int phq9EveryDays();

    /** GAD-7 every this many days from admission, by default (7 to 14). */
    @WithDefault("14")
    @Min(InstrumentSchedule.MIN_EVERY_DAYS)
    @Max(InstrumentSchedule.MAX_EVERY_DAYS)
    int gad7EveryDays();

    /** An intake assessment is on time through admission + this many days, overdue after. */
    @WithDefault("7")
    @PositiveOrZero
    int intakeGraceDays();

    /** An assessment taken up to this many days before admission counts as the intake one (the baseline window). */
    @WithDefault("14")
    @PositiveOrZero
    int baselineWindowDays();

    /** An assessment taken up to this many days before the planned discharge counts as the discharge one. */
    @WithDefault("14")
    @PositiveOrZero
    int dischargeWindowDays();

    /** The due lists also show what falls due in the next this many days (1: today and tomorrow, as the worklist). */
    @WithDefault("1")
    @PositiveOrZero
    int horizonDays();

    /** The default schedule of each schedulable instrument (AUDIT and DAST-10 at intake and discharge). */
    default Map<Instrument, InstrumentSchedule> defaults() {
        Map<Instrument, InstrumentSchedule> defaults = new LinkedHashMap<>();
        defaults.put(Instrument.PHQ9, InstrumentSchedule.every(Instrument.PHQ9, phq9EveryDays()));
        defaults.put(Instrument.GAD7, InstrumentSchedule.every(Instrument.GAD7, gad7EveryDays()));
        defaults.put(Instrument.AUDIT, InstrumentSchedule.intakeAndDischarge(Instrument.AUDIT));
        defaults.put(Instrument.DAST10, InstrumentSchedule.intakeAndDischarge(Instrument.DAST10));
        return defaults;
    }

    default DueRules.Windows windows() {
        return new DueRules.Windows(intakeGraceDays(), baselineWindowDays(), dischargeWindowDays());
    }
}
