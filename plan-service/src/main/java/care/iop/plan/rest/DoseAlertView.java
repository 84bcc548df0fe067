package care.iop.plan.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An active plan that needs attention in a week: its attended hours fell under the level-of-care minimum
 * ({@value #ATTENDED_BELOW_MINIMUM}), or it is still planned below the minimum after its step-down tolerance
 * ({@value #STEP_DOWN_TOLERANCE_OVER}).
 */
@Schema(name = "DoseAlert")
public record DoseAlertView(UUID planId, UUID patientId, UUID primaryClinicianId, String levelOfCare, DoseWeekView dose,
                            @Schema(enumeration = { ATTENDED_BELOW_MINIMUM, STEP_DOWN_TOLERANCE_OVER }, example = ATTENDED_BELOW_MINIMUM,
                                    description = "attended-below-minimum: attended hours under the minimum (not raised within a step-down"
                                            + " tolerance); step-down-tolerance-over: planned below the minimum after the step-down tolerance")
                            String kind,
                            @Schema(example = "Planned 6 h a week since 2026-12-07, below the 9 h minimum of level 2.1: the 14-day step-down"
                                    + " tolerance ended on 2026-12-21") String detail,
                            @Schema(description = "step-down-tolerance-over: first day of the step-down") LocalDate stepDownSince) {
    public static final String ATTENDED_BELOW_MINIMUM = "attended-below-minimum";
    public static final String STEP_DOWN_TOLERANCE_OVER = "step-down-tolerance-over";
}
