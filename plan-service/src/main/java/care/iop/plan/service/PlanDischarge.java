package care.iop.plan.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import care.iop.events.DischargeReason;
import care.iop.events.EventTypes;
import care.iop.events.PatientState;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.domain.PlanStatus;
import care.iop.plan.domain.PlanStatusTransition;

/**
 * Closes a discharged patient's plans when its discharge event arrives: the active or on-hold plan is completed when
 * the patient left with its course run ({@link DischargeReason#plannedEnd()}: completed, stepped down, transferred) and
 * revoked otherwise (or when no coded reason came); drafts are revoked. Each change is a transition and a
 * {@code PlanStatusChanged} event, so session-service cancels the future bookings the plan carried. A redelivered
 * discharge finds nothing left to close.
 */
@ApplicationScoped
public class PlanDischarge {
    /** Who the transitions name: the event, not a person. */
    static final String BY = "event:" + EventTypes.PATIENT_DISCHARGED;

    @Inject
    PlanEvents events;

    @Transactional(Transactional.TxType.MANDATORY)
    public void patientDischarged(PatientState patient) {
        DischargeReason reason = reason(patient.dischargeReasonCode());
        List<CarePlan> open = CarePlan.find("patientId = ?1 and status in (?2, ?3, ?4) order by id", patient.patientId(),
                PlanStatus.DRAFT, PlanStatus.ACTIVE, PlanStatus.ON_HOLD).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (CarePlan plan : open) {
            PlanStatus from = plan.status;
            PlanStatus to = from.isCurrent() && reason.plannedEnd() ? PlanStatus.COMPLETED : PlanStatus.REVOKED;
            plan.status = to;
            plan.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            PlanStatusTransition.record(plan, from, to, "Patient discharged on " + patient.dischargedOn() + " (" + reason + ")", BY);
            events.publish(EventTypes.PLAN_STATUS_CHANGED, plan);
        }
    }

    private static DischargeReason reason(String code) {
        return Optional.ofNullable(code).flatMap(c -> Arrays.stream(DischargeReason.values())
                .filter(r -> r.name().equals(c)).findFirst()).orElse(DischargeReason.OTHER);
    }
}
