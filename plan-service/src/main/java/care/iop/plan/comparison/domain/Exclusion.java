package care.iop.plan.comparison.domain;

/**
 * Why an episode of the cohort has no change to analyse, checked in this order: no baseline score in the admission
 * window; no follow-up and the patient left early (an unplanned discharge: the attrition the comparison reports); no
 * follow-up otherwise (still in treatment, or no score late enough).
 */
public enum Exclusion {
    NO_BASELINE, LEFT_EARLY, NO_FOLLOW_UP
}
