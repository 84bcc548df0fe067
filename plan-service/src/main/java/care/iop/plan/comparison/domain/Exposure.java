package care.iop.plan.comparison.domain;

/**
 * The two views of what a patient was exposed to: {@link #PRESCRIBED}, from the plans' dated modality schedules (the
 * intention-to-treat view: what the program decided), and {@link #ATTENDED}, from the attendance read model (what the
 * patient actually came to; disengagement moves a patient here, not in the prescribed view).
 */
public enum Exposure {
    PRESCRIBED, ATTENDED
}
