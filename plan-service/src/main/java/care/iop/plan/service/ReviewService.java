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
import care.iop.plan.config.PlanConfig;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.domain.PlanReview;
import care.iop.plan.rest.ReviewRequest;
import care.iop.plan.rest.ReviewView;
import care.iop.plan.signing.domain.VersionCause;
import care.iop.plan.signing.service.PlanVersions;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.problem.ProblemException;

/**
 * Records plan reviews. The plan's next review is due at start + review interval until the first review, then at the
 * date of the LATEST review (by {@code reviewedOn}, not by recording order) + the interval: a backdated review recorded
 * after a later one never moves the due date backwards. Each review stores the due date in force after it was recorded.
 */
@ApplicationScoped
public class ReviewService {

    @Inject
    PlanConfig config;

    @Inject
    PlanAccess access;

    @Inject
    PlanEvents events;

    @Inject
    PlanMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    PlanVersions versions;

    @Transactional
    public ReviewView record(UUID planId, @Valid @NotNull ReviewRequest request) {
        CarePlan plan = access.planForUpdate(planId);
        PlanService.requireEditable(plan);
        LocalDate reviewedOn = request.reviewedOn() == null ? config.today() : request.reviewedOn();
        if (reviewedOn.isAfter(config.today())) {
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
        PlanReview latest = PlanReview.find("planId = ?1 order by reviewedOn desc, recordedAt desc", planId).firstResult();
        LocalDate lastReviewedOn = latest == null || reviewedOn.isAfter(latest.reviewedOn) ? reviewedOn : latest.reviewedOn;
        review.nextReviewDue = lastReviewedOn.plusDays(plan.reviewIntervalDays);
        review.recordedBy = access.subject();
        review.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        review.persist();
        plan.nextReviewDue = review.nextReviewDue;
        plan.updatedAt = review.recordedAt;
        versions.record(plan, VersionCause.REVIEW, true); // a review that changes no clinical content makes no version
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
