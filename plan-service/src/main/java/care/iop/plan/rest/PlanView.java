package care.iop.plan.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A treatment plan as returned by the API. For a scheduler (minimum necessary) {@code problems}, {@code goals},
 * {@code rationale}, {@code modalityRationale} and {@code belowMinimumJustification} are left out.
 */
@Schema(name = "Plan", description = "A treatment plan. For a scheduler (minimum necessary) problems, goals, rationale, modalityRationale and"
        + " belowMinimumJustification are left out.")
public record PlanView(UUID id, UUID patientId, UUID primaryClinicianId,
                       @Schema(example = "draft", enumeration = { "draft", "active", "on-hold", "revoked", "completed", "entered-in-error" }) String status,
                       String levelOfCare, LocalDate startDate, int durationWeeks, LocalDate endDate,
                       int reviewIntervalDays, LocalDate nextReviewDue, List<PlanProblemDto> problems, List<GoalDto> goals,
                       String rationale, ModalityDto modality, LocalDate modalityEffectiveFrom,
                       @Schema(description = "True when the service proposed the modality") boolean modalityProposed,
                       @Schema(description = "Why the proposed modality was chosen") String modalityRationale,
                       String belowMinimumJustification,
                       @Schema(description = "Level-of-care minimum hours a week for this patient") double minimumWeeklyHours,
                       @Schema(description = "The episode of care (admission) the plan belongs to: GET /api/v1/episodes/{id}") UUID episodeId,
                       @Schema(description = "First day of the step-down below the minimum the plan is in (tolerated for"
                               + " iop.plan.step-down-tolerance, then a dose alert); absent when the plan meets the minimum") LocalDate stepDownSince,
                       long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The plan without its clinical content (for a scheduler). */
    public PlanView withoutClinicalContent() {
        return new PlanView(id, patientId, primaryClinicianId, status, levelOfCare, startDate, durationWeeks, endDate, reviewIntervalDays,
                nextReviewDue, null, null, null, modality, modalityEffectiveFrom, modalityProposed, null, null, minimumWeeklyHours,
                episodeId, stepDownSince, version, createdAt, updatedAt);
    }
}
