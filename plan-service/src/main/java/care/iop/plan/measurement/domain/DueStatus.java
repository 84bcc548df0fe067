package care.iop.plan.measurement.domain;

/** The filter of the due lists: due and still on time, or overdue. */
public enum DueStatus {
    DUE, OVERDUE;

    public boolean matches(AssessmentDue due) {
        return due.overdue() == (this == OVERDUE);
    }
}
