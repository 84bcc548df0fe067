package care.iop.plan.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.events.Part2;
import care.iop.events.PlanState;
import care.iop.plan.content.PlanContent;
import care.iop.plan.content.service.PlanDocuments;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.domain.ModalityChange;
import care.iop.plan.domain.PlanReview;
import care.iop.plan.domain.PlanStatusTransition;
import care.iop.plan.rest.ModalityChangeView;
import care.iop.plan.rest.ModalityDto;
import care.iop.plan.rest.PlanContentDtos;
import care.iop.plan.rest.PlanView;
import care.iop.plan.rest.ReviewView;
import care.iop.plan.rest.TransitionView;
import care.iop.plan.signing.domain.SignerRole;
import care.iop.plan.signing.domain.SigningStatus;
import care.iop.plan.signing.service.SigningService;

/** Entities to API views and event payloads (the plan's structure through {@link PlanDocuments}). */
@ApplicationScoped
public class PlanMapper {

    @Inject
    ObjectMapper json;

    @Inject
    SigningService signing;

    @Inject
    PlanDocuments documents;

    public PlanView view(CarePlan plan, double minimumHours) {
        SigningStatus signatures = signing.status(plan);
        PlanContent content = documents.read(plan);
        return new PlanView(plan.id, plan.patientId, plan.primaryClinicianId, plan.status.code(), plan.levelOfCare, plan.startDate,
                plan.durationWeeks, plan.endDate, plan.reviewIntervalDays, plan.nextReviewDue, PlanContentDtos.problems(content.problems()),
                PlanContentDtos.goals(content.goals()), PlanContentDtos.interventionDtos(content.interventionList()), plan.rationale,
                ModalityDto.of(plan.modality()), plan.modalityEffectiveFrom, plan.modalityProposed, plan.modalityRationale,
                PlanContentDtos.offer(documents.offer(plan)), plan.belowMinimumJustification, minimumHours, signatures.currentVersion(),
                signatures.versionInForce(), signatures.pendingSignatures().stream().map(SignerRole::code).toList(), plan.episodeId,
                plan.stepDownSince, plan.version, plan.createdAt, plan.updatedAt);
    }

    /**
     * The plan's event payload; {@code part2} is true when the patient is labelled Part 2 ({@code patientPart2}) or an
     * SUD diagnosis is among the plan's problems ({@link Part2#anyDiagnosis}). It carries the ids of the plan's objectives
     * (so that progress notes can be checked against them), never their descriptions.
     */
    public PlanState state(CarePlan plan, boolean patientPart2) {
        return new PlanState(plan.id, plan.patientId, plan.primaryClinicianId, plan.status.code(), plan.levelOfCare,
                plan.modality(), plan.startDate, plan.endDate, plan.version, ModalitySchedule.of(plan),
                patientPart2 || Part2.anyDiagnosis(problemCodes(plan)), documents.read(plan).objectiveIds());
    }

    /** The ICD-10-CM codes of the plan's problems. */
    public List<String> problemCodes(CarePlan plan) {
        return documents.problemCodes(plan);
    }

    public TransitionView view(PlanStatusTransition t) {
        return new TransitionView(t.fromStatus == null ? null : t.fromStatus.code(), t.toStatus.code(), t.reason, t.changedBy, t.changedAt);
    }

    public ModalityChangeView view(ModalityChange c) {
        return new ModalityChangeView(c.id, c.planId, ModalityDto.of(c.from()), ModalityDto.of(c.to()), c.effectiveFrom, c.reason,
                c.belowMinimumJustification, c.changedBy, c.changedAt);
    }

    public ReviewView view(PlanReview r) {
        return new ReviewView(r.id, r.planId, r.reviewedOn, r.summary, r.decision.name(), r.nextReviewDue, r.recordedBy, r.recordedAt);
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value == null ? List.of() : value);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot serialize plan document", e);
        }
    }
}
