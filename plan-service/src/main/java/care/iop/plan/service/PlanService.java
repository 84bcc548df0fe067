package care.iop.plan.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import care.iop.events.EventTypes;
import care.iop.events.ModalityMix;
import care.iop.plan.config.PlanConfig;
import care.iop.plan.content.service.PlanDocuments;
import care.iop.plan.content.service.PlanStructure;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.domain.PlanReview;
import care.iop.plan.domain.PlanStatus;
import care.iop.plan.domain.PlanStatusTransition;
import care.iop.plan.episode.service.EpisodeLifecycle;
import care.iop.plan.privacy.MinimumNecessary;
import care.iop.plan.privacy.Part2ListFilter;
import care.iop.plan.readmodel.KnownPatient;
import care.iop.plan.rest.PlanContentDtos;
import care.iop.plan.rest.PlanRequest;
import care.iop.plan.rest.PlanUpdateRequest;
import care.iop.plan.rest.PlanView;
import care.iop.plan.signing.domain.VersionCause;
import care.iop.plan.signing.service.PlanVersions;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.consistency.ReadYourWrites;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.web.ETags;
import care.iop.platform.web.ReadOnlyFields;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;
import io.quarkus.panache.common.Sort;

/** Creates, reads, edits and searches treatment plans. */
@ApplicationScoped
public class PlanService {

    @Inject
    PlanRules rules;

    @Inject
    PlanStructure structure;

    @Inject
    PlanDocuments documents;

    @Inject
    PlanConfig config;

    @Inject
    PlanMapper mapper;

    @Inject
    PlanEvents events;

    @Inject
    PlanAccess access;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    Part2ListFilter part2Filter;

    @Inject
    MinimumNecessary necessary;

    @Inject
    PlanVersions versions;

    @Inject
    EpisodeLifecycle episodes;

    @ReadYourWrites
    @Transactional
    public PlanView create(@Valid @NotNull PlanRequest request) {
        KnownPatient patient = rules.treatablePatient(request.patientId());
        rules.activeClinician(request.primaryClinicianId());
        CarePlan plan = new CarePlan();
        PlanStructure.Resolved content = structure.forNewPlan(new PlanStructure.NewPlan(patient, request.primaryClinicianId(),
                request.levelOfCare(), request.startDate(), request.durationWeeks(),
                PlanContentDtos.content(request.problems(), request.goals(), request.interventions()),
                request.modality() == null ? null : request.modality().toMix()));
        ModalityMix mix = content.mix();
        plan.modalityProposed = content.proposed();
        plan.modalityRationale = content.proposed() ? content.proposal().rationale() : request.rationale();
        LocalDate stepDownSince = rules.allowedMix(mix, content.field(), patient, request.levelOfCare(), request.startDate(),
                episodes.stepDownForNewPlan(request.patientId(), request.levelOfCare(), request.startDate()));

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        plan.id = UUID.randomUUID();
        plan.patientId = request.patientId();
        plan.primaryClinicianId = request.primaryClinicianId();
        plan.status = PlanStatus.DRAFT;
        plan.levelOfCare = request.levelOfCare();
        plan.reviewIntervalDays = request.reviewIntervalDays() == null ? config.defaultReviewIntervalDays() : request.reviewIntervalDays();
        setDates(plan, request.startDate(), request.durationWeeks());
        plan.nextReviewDue = plan.startDate.plusDays(plan.reviewIntervalDays);
        documents.write(plan, content.content());
        plan.rationale = request.rationale();
        plan.applyModality(mix);
        plan.modalityEffectiveFrom = plan.startDate;
        plan.belowMinimumJustification = blankToNull(request.belowMinimumJustification());
        plan.createdBy = user.subject();
        plan.createdAt = now;
        plan.updatedAt = now;
        plan.stepDownSince = stepDownSince;
        plan.episodeId = episodes.attach(plan);
        versions.record(plan, VersionCause.CREATED, true); // before persist(): the insert carries current_version
        plan.persist();
        recordTransition(plan, null, PlanStatus.DRAFT, "created");
        events.publish(EventTypes.PLAN_CREATED, plan);
        audit.success(AuditAction.CREATE, PlanAccess.RESOURCE, plan.id, plan.patientId);
        return view(plan);
    }

    @Transactional
    public PlanView get(UUID id) {
        CarePlan plan = access.visiblePlan(id);
        audit.success(AuditAction.READ, PlanAccess.RESOURCE, id, plan.patientId);
        return view(plan);
    }

    @Transactional
    public PlanView update(UUID id, String ifMatch, @Valid @NotNull PlanUpdateRequest request) {
        CarePlan plan = access.planForUpdate(id);
        ETags.requireMatch(ifMatch, plan.version);
        ReadOnlyFields.check(request, view(plan)).verify();
        requireEditable(plan);
        structure.update(plan, PlanContentDtos.content(request.problems(), request.goals(), request.interventions()), request.startDate(),
                request.durationWeeks());
        plan.rationale = request.rationale();
        boolean startMoved = !plan.startDate.equals(request.startDate());
        setDates(plan, request.startDate(), request.durationWeeks());
        plan.reviewIntervalDays = request.reviewIntervalDays();
        PlanReview last = PlanReview.find("planId = ?1 order by reviewedOn desc, recordedAt desc", plan.id).firstResult();
        plan.nextReviewDue = (last == null ? plan.startDate : last.reviewedOn).plusDays(plan.reviewIntervalDays);
        if (startMoved && plan.status == PlanStatus.DRAFT && ModalityService.noChanges(plan.id)) {
            plan.modalityEffectiveFrom = plan.startDate;
        }
        versions.record(plan, VersionCause.AMENDED, true);
        plan.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        events.publish(EventTypes.PLAN_UPDATED, plan);
        audit.success(AuditAction.UPDATE, PlanAccess.RESOURCE, id, plan.patientId);
        return view(plan);
    }

    /**
     * What a plan search selects; every field optional: the patient, the plans, the statuses (any of them; an empty set
     * of ids or statuses selects nothing), the primary clinician, a review due before a day, and a last change
     * ({@code updatedAt}) from (inclusive) and before (exclusive).
     */
    public record PlanCriteria(UUID patientId, Set<UUID> ids, Set<PlanStatus> statuses, UUID clinicianId, LocalDate reviewDueBefore,
                               OffsetDateTime updatedFrom, OffsetDateTime updatedBefore) {
    }

    @Transactional
    public Page<PlanView> search(UUID patientId, String status, UUID clinicianId, LocalDate reviewDueBefore, PageQuery page) {
        Set<PlanStatus> statuses = status == null ? null : Set.of(PlanStatus.fromCode(status).orElseThrow(() -> care.iop.platform.problem.ProblemException
                .invalidField("status", "must be one of " + String.join(", ", PlanStatus.codes()))));
        Page<PlanView> found = search(new PlanCriteria(patientId, null, statuses, clinicianId, reviewDueBefore, null, null), page.offset(), page.size);
        return Page.of(found.items(), page, found.total());
    }

    /**
     * The plans the caller may see that match, in review order, from {@code offset}, at most {@code limit}: a patient only
     * its own (another patient's: none), a caller outside the program no Part 2 patient's without consent (items and
     * total). One audit row per patient of the answer.
     */
    @Transactional
    public Page<PlanView> search(PlanCriteria criteria, int offset, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        UUID effectivePatient = criteria.patientId();
        if (user.isPatientOnly()) {
            UUID own = user.patientId().orElse(null);
            effectivePatient = own == null || (effectivePatient != null && !effectivePatient.equals(own)) ? null : own;
        }
        if ((user.isPatientOnly() && effectivePatient == null) || (criteria.statuses() != null && criteria.statuses().isEmpty())
                || (criteria.ids() != null && criteria.ids().isEmpty())) {
            audit.success(AuditAction.SEARCH, PlanAccess.RESOURCE, null, List.of());
            return new Page<>(List.of(), 0, limit, 0);
        }
        if (effectivePatient != null) {
            where.add("patientId = :patientId");
            params.put("patientId", effectivePatient);
        }
        if (criteria.ids() != null) {
            where.add("id in :ids");
            params.put("ids", criteria.ids());
        }
        if (criteria.statuses() != null) {
            where.add("status in :statuses");
            params.put("statuses", criteria.statuses());
        }
        if (criteria.clinicianId() != null) {
            where.add("primaryClinicianId = :clinicianId");
            params.put("clinicianId", criteria.clinicianId());
        }
        if (criteria.reviewDueBefore() != null) {
            where.add("nextReviewDue < :reviewDueBefore");
            params.put("reviewDueBefore", criteria.reviewDueBefore());
        }
        if (criteria.updatedFrom() != null) {
            where.add("updatedAt >= :updatedFrom");
            params.put("updatedFrom", criteria.updatedFrom());
        }
        if (criteria.updatedBefore() != null) {
            where.add("updatedAt < :updatedBefore");
            params.put("updatedBefore", criteria.updatedBefore());
        }
        part2Filter.jpql("patientId", params).ifPresent(where::add);
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var found = CarePlan.find(query, Sort.by("nextReviewDue").and("id"), params);
        long total = found.count();
        List<CarePlan> plans = limit == 0 ? List.of() : found.<CarePlan>range(offset, offset + limit - 1).list();
        // one audit row per patient whose plans are in the answer (a disclosure to each of them)
        audit.success(AuditAction.SEARCH, PlanAccess.RESOURCE, null, plans.stream().map(p -> p.patientId).toList());
        return new Page<>(plans.stream().map(this::view).toList(), limit == 0 ? 0 : offset / limit, limit, total);
    }

    /** The plan as the caller may see it: without its clinical content for a scheduler ({@link MinimumNecessary}). */
    PlanView view(CarePlan plan) {
        KnownPatient patient = KnownPatient.findById(plan.patientId);
        boolean adolescent = patient != null && patient.isAdolescentOn(plan.startDate);
        PlanView view = mapper.view(plan, config.minimumHours(plan.levelOfCare, adolescent));
        return necessary.clinicalContent() ? view : view.withoutClinicalContent();
    }

    void recordTransition(CarePlan plan, PlanStatus from, PlanStatus to, String reason) {
        PlanStatusTransition.record(plan, from, to, reason, user.subject());
    }

    static void requireEditable(CarePlan plan) {
        if (plan.status.isTerminal()) {
            throw care.iop.platform.problem.ProblemException.conflict("Plan " + plan.id + " is " + plan.status.code() + " and can no longer change");
        }
    }

    private static void setDates(CarePlan plan, LocalDate start, int weeks) {
        plan.startDate = start;
        plan.durationWeeks = weeks;
        plan.endDate = start.plusWeeks(weeks);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
