package care.iop.events;

import java.util.Arrays;
import java.util.List;

/**
 * Why a patient left the program, coded (participant-service records it with the free-text reason; plan-service
 * decides from it whether the active plan is completed or revoked, see docs/events.md).
 */
public enum DischargeReason {
    /** Treatment goals met, program completed. */
    COMPLETED,
    /** Stepped down to a lower level of care outside this program (e.g. ASAM 1 outpatient elsewhere). */
    STEPPED_DOWN,
    /** Transferred to another program or a higher level of care. */
    TRANSFERRED,
    /** Left against clinical advice. */
    LEFT_AGAINST_ADVICE,
    /** Discharged after missed sessions (attendance policy). */
    NON_ATTENDANCE,
    /** Administrative discharge (payer, rules of the program). */
    ADMINISTRATIVE,
    /** Any other reason (the default of a discharge that names none). */
    OTHER;

    /** True when the patient left with the plan's course run (completed, stepped down, transferred). */
    public boolean plannedEnd() {
        return this == COMPLETED || this == STEPPED_DOWN || this == TRANSFERRED;
    }

    /** The reason a coded discharge names: {@link #OTHER} for none (events before issue 20) or an unknown code. */
    public static DischargeReason ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst().orElse(OTHER);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
