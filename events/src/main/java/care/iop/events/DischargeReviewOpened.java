package care.iop.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Published on {@link Topics#PLANS} (key: the patient id) when a patient missed more sessions than the attendance
 * policy allows ({@code iop.attendance.max-missed} in {@code iop.attendance.window}) and plan-service opened a
 * discharge-review task ({@code taskId}). {@code missedCount} sessions were missed (NO_SHOW or ABSENT; EXCUSED does
 * not count) on program days {@code windowFrom} to {@code windowTo} (both included). {@code part2}: the patient's
 * 42 CFR Part 2 label in plan-service.
 */
public record DischargeReviewOpened(UUID taskId, UUID patientId, int missedCount, LocalDate windowFrom, LocalDate windowTo,
                                    UUID assignedClinicianId, LocalDate dueOn, OffsetDateTime dueAt, boolean part2) {
}
