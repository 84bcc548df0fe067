package care.iop.plan.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import care.iop.events.EventTypes;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.domain.PlanReview;
import care.iop.plan.rest.ReviewRequest;
import care.iop.plan.rest.ReviewView;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.problem.ProblemException;

/** Records plan reviews; each moves the plan's next review date to the review date + the review interval. */
@ApplicationScoped
public class ReviewService {

    @Inject
    PlanAccess access;

    @Inject
    PlanEvents events;

    @Inject
    PlanMapper mapper;

    @Inject
    AuditLog audit;

    @Transactional
    public ReviewView record(UUID planId, @Valid @NotNull ReviewRequest request) {
        CarePlan plan = access.planForUpdate(planId);
        PlanService.requireEditable(plan);
        LocalDate reviewedOn = request.reviewedOn() == null ? LocalDate.now() : request.reviewedOn();
        if (reviewedOn.isAfter(LocalDate.now())) {
            throw ProblemException.invalidField("reviewedOn", "must be today or in the past");
        }
        if (reviewedOn.isBefore(plan.startDate.minusDays(7))) {
            throw ProblemException.invalidField("reviewedOn", "must not be more than 7 days before the plan starts (" + plan.startDate + ")");
        }
        PlanReview review = new PlanReview();
        review.id = UUID.randomUUID();
        review.planId = planId;
        review.reviewedOn = reviewedOn;
        review.summary = request.summary();
        review.decision = request.decision();
        review.nextReviewDue = reviewedOn.plusDays(plan.reviewIntervalDays);
        review.recordedBy = access.subject();
        review.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        review.persist();
        plan.nextReviewDue = review.nextReviewDue;
        plan.updatedAt = review.recordedAt;
        events.publish(EventTypes.PLAN_REVIEW_RECORDED, plan);
        audit.success(AuditAction.CREATE, "CarePlanReview", review.id, plan.patientId);
        return mapper.view(review);
    }

    @Transactional
    public List<ReviewView> list(UUID planId) {
        CarePlan plan = access.visiblePlan(planId);
        audit.success(AuditAction.READ, PlanAccess.RESOURCE, planId, plan.patientId);
        return PlanReview.ofPlan(planId).stream().map(mapper::view).toList();
    }
}
