package care.iop.plan.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An active plan whose attended hours fell under the level-of-care minimum in a week. */
@Schema(name = "DoseAlert")
public record DoseAlertView(UUID planId, UUID patientId, UUID primaryClinicianId, String levelOfCare, DoseWeekView dose) {
}
