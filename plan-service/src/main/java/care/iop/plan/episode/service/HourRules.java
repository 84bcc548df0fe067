package care.iop.plan.episode.service;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.OptionalDouble;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import care.iop.events.ModalityMix;
import care.iop.plan.config.PlanConfig;
import care.iop.plan.episode.domain.LevelsOfCare;
import care.iop.plan.episode.domain.StepDown;
import care.iop.plan.readmodel.KnownPatient;
import care.iop.platform.problem.ProblemException;
import io.quarkus.runtime.StartupEvent;

/**
 * The weekly hours of a level of care, in both directions (plan creation, modality switch, level change): at most the
 * level's ceiling ({@code iop.plan.maximum-weekly-hours}); at least its minimum for the patient
 * ({@code iop.plan.minimum-weekly-hours}, adolescent by the date of birth on the plan's start), except while stepping
 * down, for {@code iop.plan.step-down-tolerance}. Each refusal is a 422 naming the field and the level that would fit.
 */
@ApplicationScoped
public class HourRules {
    static final double EPSILON = 1e-9;
    static final int MIN_TOLERANCE_DAYS = 7;
    static final int MAX_TOLERANCE_DAYS = 14;

    @Inject
    PlanConfig config;

    /** The service does not start with a tolerance outside 7 to 14 days (domain.md: 1 to 2 weeks). */
    void validate(@Observes StartupEvent event) {
        toleranceDays();
    }

    public int toleranceDays() {
        Period tolerance = config.stepDownTolerance();
        if (tolerance.getYears() != 0 || tolerance.getMonths() != 0 || tolerance.getDays() < MIN_TOLERANCE_DAYS
                || tolerance.getDays() > MAX_TOLERANCE_DAYS) {
            throw new IllegalStateException("iop.plan.step-down-tolerance must be 7 to 14 days (P7D to P14D), not " + tolerance);
        }
        return tolerance.getDays();
    }

    /** The first day out of tolerance of a step-down that started on {@code since}. */
    public LocalDate toleranceEnd(LocalDate since) {
        return since.plusDays(toleranceDays());
    }

    /**
     * Adolescent by the date of birth on the plan's start. When the track disagrees (ADOLESCENT but 18 or older on that
     * day, or an adult track under 18) → 422 naming {@code patientId}. Without a date of birth the track decides.
     */
    public boolean adolescentOn(KnownPatient patient, LocalDate planStart) {
        boolean adolescent = patient.isAdolescentOn(planStart);
        if (patient.birthDate != null && adolescent != patient.isAdolescent()) {
            throw ProblemException.ruleViolation("patientId", String.format(Locale.ROOT,
                    "Patient %s is %s on the plan's start %s (born %s) but in the %s track: correct the track or the date of birth"
                            + " in participant-service", patient.patientId, adolescent ? "under " + KnownPatient.ADULT_AGE
                            : KnownPatient.ADULT_AGE + " or older", planStart, patient.birthDate, patient.track));
        }
        return adolescent;
    }

    /**
     * Checks {@code mix} against {@code level}: above the ceiling, or below the minimum outside a step-down (or after its
     * tolerance) → 422 naming {@code field}. Returns the first day of the step-down the plan is in after this change
     * (null when the mix meets the minimum).
     */
    public LocalDate check(ModalityMix mix, String field, String level, boolean adolescent, StepDown stepDown) {
        double hours = mix.weeklyHours();
        OptionalDouble ceiling = config.maximumHours(level);
        if (ceiling.isPresent() && hours > ceiling.getAsDouble() + EPSILON) {
            throw ProblemException.ruleViolation(field, String.format(Locale.ROOT, "%s h a week is above the %s h ceiling of level %s: %s",
                    hours(hours), hours(ceiling.getAsDouble()), level, fitting(hours, level, adolescent)));
        }
        double minimum = config.minimumHours(level, adolescent);
        if (hours + EPSILON >= minimum) {
            return null;
        }
        LocalDate start = stepDown.start();
        String below = String.format(Locale.ROOT, "%s h a week is below the %s h minimum of level %s for this patient", hours(hours),
                hours(minimum), level);
        if (start == null) {
            throw ProblemException.ruleViolation(field, String.format(Locale.ROOT,
                    "%s; that is allowed only while stepping down (a level change down or a switch that lowers the hours, for %d days): %s",
                    below, toleranceDays(), fitting(hours, level, adolescent)));
        }
        LocalDate end = toleranceEnd(start);
        if (!stepDown.on().isBefore(end)) {
            throw ProblemException.ruleViolation(field, String.format(Locale.ROOT,
                    "%s; the step-down since %s was tolerated for %d days, until %s: %s", below, start, toleranceDays(),
                    end.minusDays(1), fitting(hours, level, adolescent)));
        }
        return start;
    }

    /**
     * The level to suggest: above the ceiling, the nearest higher level without a lower ceiling ("level 2.5 fits"); below
     * the minimum, the nearest lower level whose minimum the hours meet ("level 1 fits", or "level 2.1 fits at 19 h or
     * less" when the hours fall between its ceiling and the next level's minimum).
     */
    String fitting(double hours, String level, boolean adolescent) {
        OptionalDouble ceiling = config.maximumHours(level);
        if (ceiling.isPresent() && hours > ceiling.getAsDouble() + EPSILON) {
            for (String other : LevelsOfCare.above(level)) {
                OptionalDouble otherCeiling = config.maximumHours(other);
                if (otherCeiling.isEmpty() || hours <= otherCeiling.getAsDouble() + EPSILON) {
                    return "level " + other + " fits";
                }
            }
            return "no level of care above " + level + " is known";
        }
        for (String other : LevelsOfCare.below(level)) {
            if (hours + EPSILON >= config.minimumHours(other, adolescent)) {
                OptionalDouble otherCeiling = config.maximumHours(other);
                return otherCeiling.isPresent() && hours > otherCeiling.getAsDouble() + EPSILON
                        ? "level " + other + " fits at " + hours(otherCeiling.getAsDouble()) + " h or less"
                        : "level " + other + " fits";
            }
        }
        return "no lower level of care fits";
    }

    static String hours(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }
}
