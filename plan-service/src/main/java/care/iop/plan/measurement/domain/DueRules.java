package care.iop.plan.measurement.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When an instrument is due, by program days (pure: no clock, no database, so the boundaries are unit-tested).
 * <p>
 * Occurrences: every schedule has an intake occurrence on the admission day, satisfied by an assessment taken from
 * {@code baselineWindowDays} (14) before admission on (the domain's baseline window) and overdue after
 * {@code intakeGraceDays} (7) days. {@link ScheduleRule#EVERY_DAYS} N then has occurrence k on admission + k x N days,
 * satisfied by an assessment taken on or after its due day minus N/2 days (integer division) and overdue from the day
 * after its due day. {@link ScheduleRule#INTAKE_AND_DISCHARGE} then has one occurrence on the planned discharge (the
 * plan's end date), satisfied by an assessment taken in the {@code dischargeWindowDays} (14) before it (but after
 * admission) and overdue from the day after.
 * <p>
 * On a day: the latest occurrence due on or before it, unless satisfied, is due (overdue once past its last on-time
 * day); when that one is satisfied (or there is none), the next occurrence is listed ahead of time if it falls by the
 * horizon's last day and is not satisfied early. A missed occurrence is replaced by the next one once that is due: one
 * assessment brings the patient back on schedule.
 */
public final class DueRules {
    /** The windows around the occurrences, in days ({@code iop.measurement.*}). */
    public record Windows(int intakeGraceDays, int baselineWindowDays, int dischargeWindowDays) {
    }

    /** One occurrence: the day it is due, the first day an assessment satisfies it, the last day it is on time. */
    public record Occurrence(LocalDate dueOn, LocalDate windowStart, LocalDate lastOnTimeDay) {
        /** Satisfied by the latest assessment of the instrument when that was taken on or after the window's first day. */
        public boolean satisfiedBy(LocalDate lastTaken) {
            return lastTaken != null && !lastTaken.isBefore(windowStart);
        }
    }

    /** An unsatisfied occurrence and whether it is overdue on the day asked about. */
    public record Due(Occurrence occurrence, boolean overdue) {
    }

    private final Windows windows;

    public DueRules(Windows windows) {
        this.windows = windows;
    }

    /**
     * What is due of one instrument of one plan on {@code today}, listing an occurrence ahead of time up to
     * {@code lastDay} (today or later).
     *
     * @param admission        the episode's admission day (or the plan's start)
     * @param plannedDischarge the plan's end date (the discharge occurrence of intake-and-discharge instruments)
     * @param lastTaken        the program day of the patient's latest assessment of the instrument, null if none
     */
    public Optional<Due> due(InstrumentSchedule schedule, LocalDate admission, LocalDate plannedDischarge, LocalDate lastTaken,
                             LocalDate today, LocalDate lastDay) {
        if (schedule.rule() == ScheduleRule.NOT_SCHEDULED) {
            return Optional.empty();
        }
        List<Occurrence> around = around(schedule, admission, plannedDischarge, today);
        Occurrence current = around.get(0);
        Occurrence next = around.get(1);
        if (current != null && !current.satisfiedBy(lastTaken)) {
            return Optional.of(new Due(current, today.isAfter(current.lastOnTimeDay())));
        }
        if (next != null && !next.dueOn().isAfter(lastDay) && !next.satisfiedBy(lastTaken)) {
            return Optional.of(new Due(next, false));
        }
        return Optional.empty();
    }

    /** [the latest occurrence due on or before {@code today} (or null), the first one after it (or null)]. */
    private List<Occurrence> around(InstrumentSchedule schedule, LocalDate admission, LocalDate plannedDischarge, LocalDate today) {
        Occurrence intake = intake(admission);
        List<Occurrence> result = new ArrayList<>(2);
        if (today.isBefore(admission)) {
            result.add(null);
            result.add(intake);
            return result;
        }
        if (schedule.rule() == ScheduleRule.EVERY_DAYS) {
            int every = schedule.everyDays();
            long k = ChronoUnit.DAYS.between(admission, today) / every;
            result.add(k == 0 ? intake : periodic(admission, every, k));
            result.add(periodic(admission, every, k + 1));
            return result;
        }
        Occurrence discharge = plannedDischarge == null || !plannedDischarge.isAfter(admission) ? null : discharge(admission, plannedDischarge);
        boolean dischargeReached = discharge != null && !discharge.dueOn().isAfter(today);
        result.add(dischargeReached ? discharge : intake);
        result.add(dischargeReached ? null : discharge);
        return result;
    }

    private Occurrence intake(LocalDate admission) {
        return new Occurrence(admission, admission.minusDays(windows.baselineWindowDays()), admission.plusDays(windows.intakeGraceDays()));
    }

    private static Occurrence periodic(LocalDate admission, int every, long k) {
        LocalDate dueOn = admission.plusDays(k * every);
        return new Occurrence(dueOn, dueOn.minusDays(every / 2), dueOn);
    }

    private Occurrence discharge(LocalDate admission, LocalDate plannedDischarge) {
        LocalDate windowStart = plannedDischarge.minusDays(windows.dischargeWindowDays());
        LocalDate afterAdmission = admission.plusDays(1);
        return new Occurrence(plannedDischarge, windowStart.isBefore(afterAdmission) ? afterAdmission : windowStart, plannedDischarge);
    }
}
