package care.iop.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Carried by plan events on {@link Topics#PLANS}: who the plan is for, its FHIR CarePlan status
 * (draft, active, on-hold, revoked, completed, entered-in-error) and the modality mix in force.
 */
public record PlanState(UUID planId, UUID patientId, UUID primaryClinicianId, String status, String levelOfCare,
                        ModalityMix modality, LocalDate startDate, LocalDate endDate, long version) {
}
