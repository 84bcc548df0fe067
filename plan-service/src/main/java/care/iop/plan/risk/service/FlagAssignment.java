package care.iop.plan.risk.service;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.plan.service.PrimaryClinicians;
import care.iop.platform.time.ProgramTime;

/**
 * Who a new safety flag is for and when it is due: the primary clinician of the patient's current plan
 * ({@link PrimaryClinicians}, as for follow-ups), due the same program day (the first instant after the day it was raised
 * on, {@link ProgramTime#endOf}).
 */
@ApplicationScoped
public class FlagAssignment {
    @Inject
    ProgramTime time;

    @Inject
    PrimaryClinicians clinicians;

    @Inject
    FlagAssignment() {
    }

    /** For plain unit tests of the deadline. */
    public FlagAssignment(ProgramTime time) {
        this.time = time;
    }

    /** The first instant after the program day {@code raisedAt} falls on: from then on the flag is overdue while open. */
    public OffsetDateTime dueAt(OffsetDateTime raisedAt) {
        return time.endOf(time.dayOf(raisedAt));
    }

    /** Sets {@code assignedClinicianId} and {@code dueAt} of a flag whose patient and {@code raisedAt} are set. */
    public void assign(SafetyFlag flag) {
        flag.assignedClinicianId = clinicians.of(flag.patientId).orElse(null);
        flag.dueAt = dueAt(flag.raisedAt);
    }

    /** Due the same program day as {@code flag.raisedAt}, for a role rather than a clinician (URGENT flags). */
    public void assignToRole(SafetyFlag flag, String role) {
        flag.assignedRole = role;
        flag.dueAt = dueAt(flag.raisedAt);
    }
}
