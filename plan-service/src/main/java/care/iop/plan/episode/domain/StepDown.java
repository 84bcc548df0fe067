package care.iop.plan.episode.domain;

import java.time.LocalDate;

/**
 * Whether a mix below its level's minimum may be a step-down on day {@code on}: stepping down means a level-of-care
 * change to a lower level, a modality switch that lowers the weekly hours, or a new plan starting after a level change
 * down. The tolerance runs from {@link #start()}: the step-down the plan is already in ({@code since}), else this
 * change when it steps down.
 *
 * @param on the day the mix takes effect (the switch's or level change's date, the new plan's start)
 * @param since the first day of the step-down the plan is already in, or null
 * @param stepsDown this change itself steps down
 */
public record StepDown(LocalDate on, LocalDate since, boolean stepsDown) {

    /** Not stepping down: a mix below the minimum is refused. */
    public static StepDown none(LocalDate on) {
        return new StepDown(on, null, false);
    }

    /** A modality switch effective {@code on} from {@code fromHours} to {@code toHours}, the plan stepping down since {@code since}. */
    public static StepDown switching(LocalDate on, LocalDate since, double fromHours, double toHours) {
        return new StepDown(on, since, toHours + 1e-9 < fromHours);
    }

    /** The first day of the step-down (the tolerance runs from it), or null when this is no step-down. */
    public LocalDate start() {
        return since != null ? since : stepsDown ? on : null;
    }
}
