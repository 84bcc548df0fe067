package care.iop.plan.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import care.iop.events.PlanState.ModalityPeriod;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.domain.ModalityChange;

/**
 * The mix a plan prescribes by date: the initial mix from the plan's start, then each switch from
 * its effective date; of two switches effective the same day, the later decision wins. The dose
 * report plans with it and plan events carry it, so session-service books by the same rule.
 */
final class ModalitySchedule {
    private ModalitySchedule() {
    }

    static List<ModalityPeriod> of(CarePlan plan) {
        List<ModalityChange> changes = new ArrayList<>(ModalityChange.ofPlan(plan.id));
        if (changes.isEmpty()) {
            return List.of(new ModalityPeriod(plan.startDate, plan.modality()));
        }
        List<ModalityPeriod> periods = new ArrayList<>();
        periods.add(new ModalityPeriod(plan.startDate, changes.get(0).from()));
        changes.sort(Comparator.comparing((ModalityChange c) -> c.effectiveFrom).thenComparing(c -> c.changedAt));
        for (ModalityChange change : changes) {
            ModalityPeriod last = periods.get(periods.size() - 1);
            if (!change.effectiveFrom.isAfter(last.from())) {
                periods.set(periods.size() - 1, new ModalityPeriod(last.from(), change.to()));
            } else {
                periods.add(new ModalityPeriod(change.effectiveFrom, change.to()));
            }
        }
        return List.copyOf(periods);
    }
}
