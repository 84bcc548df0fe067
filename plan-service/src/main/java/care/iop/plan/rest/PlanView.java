package care.iop.plan.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A treatment plan as returned by the API. For a scheduler (minimum necessary) {@code problems}, {@code goals},
 * {@code rationale}, {@code modalityRationale}, {@code offeredProposal} and {@code belowMinimumJustification} are left out, and
 * the interventions lose their description and objectives.
 */
@Schema(name = "Plan", description = "A treatment plan. For a scheduler (minimum necessary) problems, goals, rationale, modalityRationale,"
        + " offeredProposal and belowMinimumJustification are left out, and interventions lose their description and objectiveIds.")
public record PlanView(UUID id, UUID patientId, UUID primaryClinicianId,
                       @Schema(example = "draft", enumeration = { "draft", "active", "on-hold", "revoked", "completed", "entered-in-error" }) String status,
                       String levelOfCare, LocalDate startDate, int durationWeeks, LocalDate endDate,
                       int reviewIntervalDays, LocalDate nextReviewDue, List<PlanProblemDto> problems, List<GoalDto> goals,
                       @Schema(description = "What the program does; the modality mix follows from them. For a scheduler without"
                               + " description and objectiveIds") List<InterventionDto> interventions,
                       String rationale, ModalityDto modality, LocalDate modalityEffectiveFrom,
                       @Schema(description = "True when the service proposed the modality") boolean modalityProposed,
                       @Schema(description = "Why the proposed modality was chosen") String modalityRationale,
                       @Schema(description = "A proposal offered (not applied) after the patient's group comfort or preferred modality"
                               + " changed while the plan was active; absent when none") OfferedProposalView offeredProposal,
                       String belowMinimumJustification,
                       @Schema(description = "Level-of-care minimum hours a week for this patient") double minimumWeeklyHours,
                       @Schema(example = "2", description = "The latest version of the clinical content (GET /plans/{id}/versions)") int currentVersion,
                       @Schema(example = "1", description = "The version in force: the latest fully signed one; absent while none is")
                       Integer versionInForce,
                       @Schema(example = "[\"patient\"]", description = "Signatures the current version still lacks: patient (or guardian"
                               + " for an adolescent), author, co-signer (for a supervised author); empty once the plan is final") List<String> pendingSignatures,
                       @Schema(description = "The episode of care (admission) the plan belongs to: GET /api/v1/episodes/{id}") UUID episodeId,
                       @Schema(description = "First day of the step-down below the minimum the plan is in (tolerated for"
                               + " iop.plan.step-down-tolerance, then a dose alert); absent when the plan meets the minimum") LocalDate stepDownSince,
                       long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The plan without its clinical content (for a scheduler). */
    public PlanView withoutClinicalContent() {
        List<InterventionDto> schedulable = interventions == null ? null : interventions.stream()
                .map(i -> new InterventionDto(i.id(), i.modality(), null, i.sessionsPerWeek(), i.minutesPerSession(), i.durationWeeks(),
                        i.responsibleClinicianId(), null)).toList();
        return new PlanView(id, patientId, primaryClinicianId, status, levelOfCare, startDate, durationWeeks, endDate, reviewIntervalDays,
                nextReviewDue, null, null, schedulable, null, modality, modalityEffectiveFrom, modalityProposed, null, null, null,
                minimumWeeklyHours, currentVersion, versionInForce, pendingSignatures, episodeId, stepDownSince, version, createdAt,
                updatedAt);
    }
}
