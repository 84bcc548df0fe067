package care.iop.plan.risk.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.plan.domain.CarePlan;
import care.iop.plan.domain.PlanStatus;
import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.platform.time.ProgramTime;
import io.quarkus.panache.common.Sort;

/**
 * Who a new safety flag is for and when it is due: the primary clinician of the patient's current plan (the ACTIVE or
 * ON_HOLD one, else the latest plan; nobody without a plan), due the same program day (the first instant after the day
 * it was raised on, {@link ProgramTime#endOf}).
 */
@ApplicationScoped
public class FlagAssignment {
    @Inject
    ProgramTime time;

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
        flag.assignedClinicianId = primaryClinician(flag.patientId).orElse(null);
        flag.dueAt = dueAt(flag.raisedAt);
    }

    /** Due the same program day as {@code flag.raisedAt}, for a role rather than a clinician (URGENT flags). */
    public void assignToRole(SafetyFlag flag, String role) {
        flag.assignedRole = role;
        flag.dueAt = dueAt(flag.raisedAt);
    }

    Optional<UUID> primaryClinician(UUID patientId) {
        Optional<CarePlan> current = CarePlan.<CarePlan>find("patientId = ?1 and status in ?2", Sort.descending("createdAt").and("id"),
                patientId, List.of(PlanStatus.ACTIVE, PlanStatus.ON_HOLD)).firstResultOptional();
        Optional<CarePlan> plan = current.isPresent() ? current
                : CarePlan.<CarePlan>find("patientId", Sort.descending("createdAt").and("id"), patientId).firstResultOptional();
        return plan.map(p -> p.primaryClinicianId);
    }
}
