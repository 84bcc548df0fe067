package care.iop.plan.config;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Plan rules that programs and payers tune: minimum weekly hours per level of care, review interval, dose counting. */
@ConfigMapping(prefix = "iop.plan")
public interface PlanConfig {

    /** Per level of care ("2.1", "2.5"): the minimum structured hours a week; a level not listed has none. */
    Map<String, Minimum> minimumWeeklyHours();

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
}
