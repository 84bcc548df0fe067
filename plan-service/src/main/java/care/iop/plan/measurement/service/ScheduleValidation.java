package care.iop.plan.measurement.service;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import care.iop.plan.measurement.domain.InstrumentSchedule;
import care.iop.plan.measurement.domain.ScheduleRule;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.platform.problem.ProblemException;

/**
 * Checks the entries of a schedule PUT before anything changes: a problem naming {@code entries[i].<field>} for a
 * missing or unschedulable instrument, a duplicate, a missing rule, an interval outside
 * {@value InstrumentSchedule#MIN_EVERY_DAYS}..{@value InstrumentSchedule#MAX_EVERY_DAYS} days (domain.md: every 1 to 2
 * weeks) or given without EVERY_DAYS (400), and an interval for AUDIT or DAST-10 (422: they ask about 12 months).
 */
final class ScheduleValidation {
    private ScheduleValidation() {
    }

    static void check(List<InstrumentSchedule> entries, Set<Instrument> schedulable) {
        if (entries == null) {
            throw ProblemException.invalidField("entries", "must not be null");
        }
        Set<Instrument> seen = EnumSet.noneOf(Instrument.class);
        String names = schedulable.stream().map(Instrument::name).collect(Collectors.joining(", "));
        for (int i = 0; i < entries.size(); i++) {
            String at = "entries[" + i + "].";
            InstrumentSchedule entry = entries.get(i);
            if (entry == null) {
                throw ProblemException.invalidField("entries[" + i + "]", "must not be null");
            }
            if (entry.instrument() == null || !schedulable.contains(entry.instrument())) {
                throw ProblemException.invalidField(at + "instrument", "must be one of " + names);
            }
            if (!seen.add(entry.instrument())) {
                throw ProblemException.invalidField(at + "instrument", entry.instrument() + " is listed twice");
            }
            if (entry.rule() == null) {
                throw ProblemException.invalidField(at + "rule", "must be one of EVERY_DAYS, INTAKE_AND_DISCHARGE, NOT_SCHEDULED");
            }
            if (entry.rule() == ScheduleRule.EVERY_DAYS) {
                checkInterval(entry, at);
            } else if (entry.everyDays() != null) {
                throw ProblemException.invalidField(at + "everyDays", "only with rule EVERY_DAYS");
            }
        }
    }

    private static void checkInterval(InstrumentSchedule entry, String at) {
        if (!InstrumentSchedule.allowsInterval(entry.instrument())) {
            throw ProblemException.ruleViolation(at + "rule", entry.instrument().displayName()
                    + " asks about the past 12 months: schedule it INTAKE_AND_DISCHARGE (or NOT_SCHEDULED), not on an interval");
        }
        Integer days = entry.everyDays();
        if (days == null || days < InstrumentSchedule.MIN_EVERY_DAYS || days > InstrumentSchedule.MAX_EVERY_DAYS) {
            throw ProblemException.invalidField(at + "everyDays", "must be between " + InstrumentSchedule.MIN_EVERY_DAYS + " and "
                    + InstrumentSchedule.MAX_EVERY_DAYS + " (every 1 to 2 weeks)");
        }
    }
}
