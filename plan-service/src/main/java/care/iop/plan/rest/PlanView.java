package care.iop.plan.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A treatment plan as returned by the API. */
@Schema(name = "Plan")
public record PlanView(UUID id, UUID patientId, UUID primaryClinicianId,
                       @Schema(example = "draft", enumeration = { "draft", "active", "on-hold", "revoked", "completed", "entered-in-error" }) String status,
                       String levelOfCare, LocalDate startDate, int durationWeeks, LocalDate endDate,
                       int reviewIntervalDays, LocalDate nextReviewDue, List<PlanProblemDto> problems, List<GoalDto> goals,
                       String rationale, ModalityDto modality, LocalDate modalityEffectiveFrom,
                       @Schema(description = "True when the service proposed the modality") boolean modalityProposed,
                       @Schema(description = "Why the proposed modality was chosen") String modalityRationale,
                       String belowMinimumJustification,
                       @Schema(description = "Level-of-care minimum hours a week for this patient") double minimumWeeklyHours,
                       long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
