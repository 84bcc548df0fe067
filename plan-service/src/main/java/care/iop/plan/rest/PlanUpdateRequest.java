package care.iop.plan.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Replaces a plan's problems (with goals and objectives), goals, interventions, rationale and dates (status and modality have
 * their own commands). It may also carry
 * the read-only fields of the GET representation (read-modify-write, {@link care.iop.platform.web.ReadOnlyFields}).
 */
@Schema(name = "PlanUpdateRequest", description = "Accepts the body GET returned: read-only fields are accepted when they equal the "
        + "current values (version: else 412), refused with 400 naming the field when they differ.")
public record PlanUpdateRequest(
        @NotNull @Schema(example = "2026-11-30") LocalDate startDate,
        @NotNull @Min(1) @Max(52) @Schema(example = "12") Integer durationWeeks,
        @NotNull @Min(14) @Max(30) @Schema(example = "30",
                description = "Days between plan reviews, 14 to 30 (state and level rules)") Integer reviewIntervalDays,
        @NotNull @Size(max = 50) List<@Valid @NotNull PlanProblemDto> problems,
        @NotNull @Size(max = 50) List<@Valid @NotNull GoalDto> goals,
        @Size(max = 50) @Schema(description = "Absent: unchanged. They must make the modality mix in force (else 422; a switch changes it),"
                + " except on a draft without switches, whose initial mix follows them") List<@Valid @NotNull InterventionDto> interventions,
        @Size(max = 4000) @Schema(example = "Adding a sleep-hygiene goal") String rationale,
        @Schema(readOnly = true) UUID id,
        @Schema(readOnly = true) UUID patientId,
        @Schema(readOnly = true) UUID primaryClinicianId,
        @Schema(readOnly = true, description = "Read-only: PUT /plans/{id}/status changes it") String status,
        @Schema(readOnly = true) String levelOfCare,
        @Schema(readOnly = true, description = "Read-only: computed from startDate and durationWeeks") LocalDate endDate,
        @Schema(readOnly = true, description = "Read-only: computed from the last review and reviewIntervalDays") LocalDate nextReviewDue,
        @Schema(readOnly = true, description = "Read-only: POST /plans/{id}/modality-changes changes it") ModalityDto modality,
        @Schema(readOnly = true) LocalDate modalityEffectiveFrom,
        @Schema(readOnly = true) Boolean modalityProposed,
        @Schema(readOnly = true) String modalityRationale,
        @Schema(readOnly = true) OfferedProposalView offeredProposal,
        @Schema(readOnly = true) String belowMinimumJustification,
        @Schema(readOnly = true) Double minimumWeeklyHours,
        @Schema(readOnly = true, description = "Read-only: a change of the clinical content makes the next version") Integer currentVersion,
        @Schema(readOnly = true, description = "Read-only: POST /plans/{id}/versions/{n}/signatures") Integer versionInForce,
        @Schema(readOnly = true) List<String> pendingSignatures,
        @Schema(readOnly = true) UUID episodeId,
        @Schema(readOnly = true, description = "Read-only: follows modality switches and level changes") LocalDate stepDownSince,
        @Schema(readOnly = true, description = "Read-only: the version read; when sent it must be the current one (else 412, as If-Match)")
        Long version,
        @Schema(readOnly = true) OffsetDateTime createdAt,
        @Schema(readOnly = true) OffsetDateTime updatedAt) {
}
