package care.iop.plan.config;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import java.util.OptionalDouble;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Plan rules that programs and payers tune: minimum and maximum weekly hours per level of care, the step-down tolerance,
 * when the first plan is due, review interval, dose counting.
 */
@ConfigMapping(prefix = "iop.plan")
public interface PlanConfig {

    /** Per level of care ("2.1", "2.5"): the minimum structured hours a week; a level not listed has none. */
    Map<String, Minimum> minimumWeeklyHours();

    /** Per level of care ("2.1"): the most structured hours a week (more is another level); a level not listed has no ceiling. */
    Map<String, Double> maximumWeeklyHours();

    /** How long a plan may stay below its level's minimum while stepping down: 7 to 14 days (P7D to P14D). */
    @WithDefault("P14D")
    Period stepDownTolerance();

    /** The first plan is due within this many days of the admission (then the episode is overdue). */
    @WithDefault("7")
    int firstPlanDueDays();

    /** How often the overdue-first-plan check runs (it publishes FirstPlanOverdue once per episode). */
    @WithDefault("PT1H")
    Duration firstPlanCheckInterval();

    @WithDefault("30")
    int defaultReviewIntervalDays();

    Dose dose();

    interface Minimum {
        double adult();

        double adolescent();
    }

    interface Dose {
        /** Time zone in which session days and ISO weeks are counted: the program's ({@code iop.program.time-zone}). */
        String zone();

        /** H0015: hours a day that make a day count. */
        @WithDefault("3")
        double h0015DailyHours();

        /** H0015: days a week that must count. */
        @WithDefault("3")
        int h0015Days();
    }

    /** Today in the program's time zone: the default date of reviews and switches, the current dose week. */
    default LocalDate today() {
        return LocalDate.now(ZoneId.of(dose().zone()));
    }

    /** The minimum weekly hours for a level of care and track (0 when the level has none). */
    default double minimumHours(String levelOfCare, boolean adolescent) {
        Minimum minimum = minimumWeeklyHours().get(levelOfCare);
        if (minimum == null) {
            return 0;
        }
        return adolescent ? minimum.adolescent() : minimum.adult();
    }

    /** The ceiling of weekly hours of a level of care, if it has one. */
    default OptionalDouble maximumHours(String levelOfCare) {
        Double maximum = maximumWeeklyHours().get(levelOfCare);
        return maximum == null ? OptionalDouble.empty() : OptionalDouble.of(maximum);
    }
}
