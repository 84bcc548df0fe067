package care.iop.plan.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import care.iop.events.ModalityMix;
import care.iop.events.PlanState;
import care.iop.events.PlanState.ModalityPeriod;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.domain.ModalityChange;

/**
 * The mix a plan prescribes by date: the initial mix from the plan's start, then each switch from
 * its effective date; of two switches effective the same day, the later decision wins. The dose
 * report plans with it and plan events carry it, so session-service books by the same rule.
 * <p>
 * Switches are kept linked in effective order ({@link #relink}): each one's {@code from} is the mix in force the day
 * before it, the first one's is the initial mix, and the plan's own mix is the last one's {@code to}, also when a
 * switch is recorded after one dated later.
 */
final class ModalitySchedule {
    private ModalitySchedule() {
    }

    static List<ModalityPeriod> of(CarePlan plan) {
        return of(plan, ModalityChange.ofPlan(plan.id));
    }

    /** The schedule of {@code plan} with these switches (in any order). */
    static List<ModalityPeriod> of(CarePlan plan, List<ModalityChange> recorded) {
        if (recorded.isEmpty()) {
            return List.of(new ModalityPeriod(plan.startDate, plan.modality()));
        }
        List<ModalityChange> changes = inEffectOrder(recorded);
        List<ModalityPeriod> periods = new ArrayList<>();
        periods.add(new ModalityPeriod(plan.startDate, changes.get(0).from()));
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

    /**
     * Links the switches in effective order: each {@code from} becomes the mix of the switch before it (the first keeps
     * the initial mix). Returns the switch last in effect, whose {@code to} is the plan's mix.
     */
    static ModalityChange relink(List<ModalityChange> recorded) {
        List<ModalityChange> changes = inEffectOrder(recorded);
        ModalityMix previous = changes.get(0).from();
        for (ModalityChange change : changes) {
            if (!change.from().equals(previous)) {
                change.setFrom(previous);
            }
            previous = change.to();
        }
        return changes.get(changes.size() - 1);
    }

    private static List<ModalityChange> inEffectOrder(List<ModalityChange> recorded) {
        List<ModalityChange> changes = new ArrayList<>(recorded);
        changes.sort(Comparator.comparing((ModalityChange c) -> c.effectiveFrom).thenComparing(c -> c.changedAt).thenComparing(c -> c.id));
        return changes;
    }
}
