package care.iop.plan.episode.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import care.iop.plan.domain.CarePlan;
import care.iop.plan.episode.domain.EpisodeDetails;
import care.iop.plan.episode.domain.EpisodeOfCare;
import care.iop.plan.episode.domain.LevelOfCareTransition;
import care.iop.plan.episode.domain.OverdueFirstPlan;
import care.iop.plan.config.PlanConfig;
import care.iop.plan.privacy.MinimumNecessary;
import care.iop.plan.privacy.Part2ListFilter;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;
import io.quarkus.panache.common.Sort;

/** Reads episodes of care (one, a patient's, the overdue first plans); every read is audited. */
@ApplicationScoped
public class EpisodeService {

    @Inject
    EpisodeAccess access;

    @Inject
    EpisodeEvents events;

    @Inject
    FirstPlanDue firstPlanDue;

    @Inject
    PlanConfig config;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    Part2ListFilter part2Filter;

    @Inject
    MinimumNecessary necessary;

    @Transactional
    public EpisodeDetails get(UUID id) {
        EpisodeOfCare episode = access.visible(id);
        audit.success(AuditAction.READ, EpisodeAccess.RESOURCE, id, episode.patientId);
        return details(episode);
    }

    /** By patient and status (open, closed), the latest admission first; a patient sees only its own. */
    @Transactional
    public Page<EpisodeDetails> search(UUID patientId, String status, PageQuery page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        UUID effectivePatient = patientId;
        if (user.isPatientOnly()) {
            UUID own = user.patientId().orElse(null);
            if (own == null || (patientId != null && !patientId.equals(own))) {
                audit.success(AuditAction.SEARCH, EpisodeAccess.RESOURCE, null, List.of());
                return Page.of(List.of(), page, 0);
            }
            effectivePatient = own;
        }
        if (effectivePatient != null) {
            where.add("patientId = :patientId");
            params.put("patientId", effectivePatient);
        }
        if (status != null) {
            if (!EpisodeOfCare.OPEN.equals(status) && !EpisodeOfCare.CLOSED.equals(status)) {
                throw ProblemException.invalidField("status", "must be open or closed");
            }
            where.add("status = :status");
            params.put("status", status);
        }
        part2Filter.jpql("patientId", params).ifPresent(where::add);
        var found = EpisodeOfCare.find(where.isEmpty() ? "1 = 1" : String.join(" and ", where),
                Sort.descending("admittedOn").and("id"), params);
        long total = found.count();
        List<EpisodeOfCare> episodes = found.page(page.page, page.size).list();
        audit.success(AuditAction.SEARCH, EpisodeAccess.RESOURCE, null, episodes.stream().map(e -> e.patientId).toList());
        return Page.of(episodes.stream().map(this::details).toList(), page, total);
    }

    /** Open episodes whose first plan is overdue today; one audit row per patient in the answer. */
    @Transactional
    public Page<OverdueFirstPlan> overdueFirstPlans(PageQuery page) {
        Page<OverdueFirstPlan> overdue = firstPlanDue.overdueOn(config.today(), page);
        audit.success(AuditAction.SEARCH, EpisodeAccess.RESOURCE, "overdue-first-plans",
                overdue.items().stream().map(OverdueFirstPlan::patientId).toList());
        return overdue;
    }

    EpisodeDetails details(EpisodeOfCare episode) {
        List<EpisodeDetails.PlanRef> plans = CarePlan.<CarePlan>list("episodeId = ?1 order by createdAt, id", episode.id).stream()
                .map(p -> new EpisodeDetails.PlanRef(p.id, p.status.code(), p.levelOfCare, p.startDate, p.endDate)).toList();
        return new EpisodeDetails(episode, events.firstPlanDueOn(episode), LevelOfCareTransition.ofEpisode(episode.id), plans,
                necessary.clinicalContent());
    }
}
