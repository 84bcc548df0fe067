package care.iop.plan.episode.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.episode.domain.EpisodeDetails;
import care.iop.plan.episode.domain.EpisodeOfCare;

/** An episode of care: one admission, its level of care and dated level changes, its plans, its discharge. */
@Schema(name = "Episode", description = "One admission of a patient (episode of care). For a scheduler the reasons and assessments of the"
        + " level changes are left out.")
public record EpisodeView(UUID id, UUID patientId,
                          @Schema(enumeration = { "open", "closed" }, example = "open") String status,
                          @Schema(example = "2026-11-30") LocalDate admittedOn,
                          @Schema(enumeration = { "admission", "first-plan" }, description = "admission: the patient's admission date"
                                  + " (participant-service); first-plan: opened by the first plan of a patient without one (its start)")
                          String admissionSource,
                          @Schema(example = "2.1", description = "Level of care in force (the latest level change's)") String levelOfCare,
                          @Schema(example = "2026-12-07", description = "Last day on which the first plan is on time (admission +"
                                  + " iop.plan.first-plan-due-days)") LocalDate firstPlanDueOn,
                          @Schema(description = "Day FirstPlanOverdue was published; absent when it was not") LocalDate firstPlanOverdueOn,
                          LocalDate dischargedOn,
                          @Schema(example = "COMPLETED", description = "care.iop.events.DischargeReason name, once closed") String dischargeReasonCode,
                          @Schema(description = "Oldest first") List<LevelChangeView> levelChanges,
                          @Schema(description = "The episode's plans, oldest first") List<EpisodePlanView> plans,
                          long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** A plan of the episode. */
    @Schema(name = "EpisodePlan")
    public record EpisodePlanView(UUID id, @Schema(example = "active") String status, String levelOfCare, LocalDate startDate,
                                  LocalDate endDate) {
    }

    static EpisodeView of(EpisodeDetails details) {
        EpisodeOfCare e = details.episode();
        return new EpisodeView(e.id, e.patientId, e.status, e.admittedOn, e.admissionSource, e.levelOfCare, details.firstPlanDueOn(),
                e.firstPlanOverdueOn, e.dischargedOn, e.dischargeReasonCode,
                details.transitions().stream().map(t -> LevelChangeView.of(t, details.clinicalContent())).toList(),
                details.plans().stream().map(p -> new EpisodePlanView(p.id(), p.status(), p.levelOfCare(), p.startDate(), p.endDate())).toList(),
                e.version, e.createdAt, e.updatedAt);
    }
}
