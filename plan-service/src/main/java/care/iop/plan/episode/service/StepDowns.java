package care.iop.plan.episode.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.events.PlanState;
import care.iop.events.PlanState.ModalityPeriod;
import care.iop.plan.config.PlanConfig;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.episode.domain.LevelOfCareTransition;
import care.iop.plan.episode.domain.StepDownOverrun;
import care.iop.plan.readmodel.KnownPatient;

/**
 * What the dose report needs from episodes: a plan's level of care on a day (its level changes are dated), whether a day
 * lies in the plan's step-down tolerance, and whether the plan is still below its minimum after it (a dose alert).
 */
@ApplicationScoped
public class StepDowns {

    @Inject
    HourRules hours;

    @Inject
    PlanConfig config;

    /** The plan's level on {@code day}: the last level change of this plan effective by then, else the level before its first one. */
    public String levelOn(CarePlan plan, LocalDate day) {
        List<LevelOfCareTransition> changes = LevelOfCareTransition.ofPlan(plan.id);
        if (changes.isEmpty()) {
            return plan.levelOfCare;
        }
        String level = changes.get(0).fromLevel;
        for (LevelOfCareTransition change : changes) {
            if (!change.effectiveOn.isAfter(day)) {
                level = change.toLevel;
            }
        }
        return level;
    }

    /** True when the plan may be below its minimum on {@code day}: within the tolerance of its step-down. */
    public boolean tolerated(CarePlan plan, LocalDate day) {
        return plan.stepDownSince != null && !day.isBefore(plan.stepDownSince) && day.isBefore(hours.toleranceEnd(plan.stepDownSince));
    }

    /**
     * The plan's step-down tolerance is over by the week of {@code monday} (it ended on or before its Sunday) and the mix in
     * force on the first day out of tolerance in that week is still below the level's minimum.
     */
    public Optional<StepDownOverrun> overrun(CarePlan plan, List<ModalityPeriod> schedule, LocalDate monday) {
        if (plan.stepDownSince == null) {
            return Optional.empty();
        }
        LocalDate end = hours.toleranceEnd(plan.stepDownSince);
        LocalDate day = latest(latest(end, monday), plan.startDate);
        if (day.isAfter(monday.plusDays(6)) || !day.isBefore(plan.endDate)) {
            return Optional.empty();
        }
        KnownPatient patient = KnownPatient.findById(plan.patientId);
        String level = levelOn(plan, day);
        double minimum = config.minimumHours(level, patient != null && patient.isAdolescentOn(plan.startDate));
        double planned = PlanState.modalityOn(schedule, plan.modality(), day).weeklyHours();
        if (planned + HourRules.EPSILON >= minimum) {
            return Optional.empty();
        }
        return Optional.of(new StepDownOverrun(plan.stepDownSince, end, day, planned, minimum, level));
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
