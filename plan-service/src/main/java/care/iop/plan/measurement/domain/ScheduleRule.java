package care.iop.plan.measurement.domain;

/**
 * How a plan schedules one instrument (domain.md, "Measurement-based care"): PHQ-9 and GAD-7 every N days from
 * admission, AUDIT and DAST-10 (which ask about the past 12 months) at intake and at discharge, or not at all when the
 * clinician decides the instrument does not apply to the patient.
 */
public enum ScheduleRule {
    /** At admission (intake), then on admission + k x N days (k = 1, 2, ...). */
    EVERY_DAYS,
    /** At admission (intake) and at the planned discharge (the plan's end date). */
    INTAKE_AND_DISCHARGE,
    /** Never due for this plan. */
    NOT_SCHEDULED
}
