package care.iop.plan.risk.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * How the suicide-risk pathway went for the flags raised in a window of program days: how many were raised, closed with a
 * screen, closed by an admin without one (each listed with who, when and why), past their due time while open (closed late
 * or still open after the day ended), and still open.
 */
public record SafetyFlagReport(LocalDate from, LocalDate to, long raised, long urgent, long resolvedWithScreen,
                               long acknowledgedWithoutScreen, long overdue, long open, List<Acknowledgement> acknowledgements) {

    /** A flag an admin closed without a screen. */
    public record Acknowledgement(UUID flagId, UUID patientId, String acknowledgedBy, OffsetDateTime acknowledgedAt, String reason) {
    }
}
