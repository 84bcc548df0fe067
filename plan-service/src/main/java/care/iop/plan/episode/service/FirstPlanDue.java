package care.iop.plan.episode.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import care.iop.events.EventTypes;
import care.iop.plan.config.PlanConfig;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.domain.PlanStatus;
import care.iop.plan.episode.domain.EpisodeOfCare;
import care.iop.plan.episode.domain.OverdueFirstPlan;
import care.iop.plan.privacy.Part2ListFilter;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * The first plan is due within {@code iop.plan.first-plan-due-days} (7) of admission: an open episode none of whose plans
 * has been in force by then is overdue from the next day on (admitted on day 0: on time through day 7, overdue on day 8).
 * {@link #publishOverdue} publishes FirstPlanOverdue once per episode; {@link FirstPlanDueSchedule} calls it with today.
 */
@ApplicationScoped
public class FirstPlanDue {
    static final int BATCH = 500;
    /** No plan of the episode has a fully signed version (care_plan.signed_version): none was ever in force. */
    static final String NO_PLAN_IN_FORCE = "not exists (select 1 from CarePlan p where p.episodeId = e.id and p.signedVersion is not null)";
    static final String OVERDUE = "e.status = :open and e.admittedOn < :cutoff and " + NO_PLAN_IN_FORCE;

    @Inject
    PlanConfig config;

    @Inject
    EntityManager em;

    @Inject
    EpisodeEvents events;

    @Inject
    Part2ListFilter part2Filter;

    /** The open episodes overdue on {@code day}, longest overdue first (for an external caller without Part 2 patients it may not see). */
    public Page<OverdueFirstPlan> overdueOn(LocalDate day, PageQuery page) {
        Map<String, Object> params = parameters(day);
        String where = OVERDUE + part2Filter.jpql("e.patientId", params).map(condition -> " and " + condition).orElse("");
        var count = em.createQuery("select count(e) from EpisodeOfCare e where " + where, Long.class);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        var query = em.createQuery("select e from EpisodeOfCare e where " + where + " order by e.admittedOn, e.id", EpisodeOfCare.class);
        params.forEach(query::setParameter);
        List<OverdueFirstPlan> items = query.setFirstResult(page.offset()).setMaxResults(page.size).getResultList().stream()
                .map(episode -> item(episode, day)).toList();
        return Page.of(items, page, total);
    }

    /**
     * Publishes FirstPlanOverdue for every open episode overdue on {@code day} that has not had it yet, and marks it (once
     * per episode; replicas checking at the same time skip each other's rows). Returns how many.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public int publishOverdue(LocalDate day) {
        int published = 0;
        List<UUID> ids;
        do {
            ids = em.createNativeQuery("""
                            select e.id from episode_of_care e
                            where e.status = 'open' and e.first_plan_overdue_on is null and e.admitted_on < ?1
                              and not exists (select 1 from care_plan p where p.episode_id = e.id and p.signed_version is not null)
                            order by e.admitted_on, e.id limit ?2 for update of e skip locked""")
                    .setParameter(1, cutoff(day)).setParameter(2, BATCH).getResultList();
            for (UUID id : ids) {
                EpisodeOfCare episode = EpisodeOfCare.findById(id);
                episode.firstPlanOverdueOn = day;
                episode.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                events.publish(EventTypes.FIRST_PLAN_OVERDUE, episode);
                published++;
            }
        } while (ids.size() == BATCH);
        return published;
    }

    private OverdueFirstPlan item(EpisodeOfCare episode, LocalDate day) {
        LocalDate due = events.firstPlanDueOn(episode);
        Optional<CarePlan> draft = CarePlan.find("episodeId = ?1 and status = ?2", Sort.descending("createdAt"), episode.id, PlanStatus.DRAFT)
                .firstResultOptional();
        return new OverdueFirstPlan(episode.id, episode.patientId, episode.admittedOn, episode.levelOfCare, due,
                ChronoUnit.DAYS.between(due, day), draft.map(plan -> plan.id).orElse(null), episode.firstPlanOverdueOn);
    }

    private Map<String, Object> parameters(LocalDate day) {
        return new HashMap<>(Parameters.with("open", EpisodeOfCare.OPEN).and("cutoff", cutoff(day)).map());
    }

    /** Overdue on {@code day} when admitted before this day. */
    private LocalDate cutoff(LocalDate day) {
        return day.minusDays(config.firstPlanDueDays());
    }
}
