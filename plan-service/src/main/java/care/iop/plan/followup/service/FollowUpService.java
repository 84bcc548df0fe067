package care.iop.plan.followup.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import care.iop.plan.followup.domain.FollowUpTask;
import care.iop.plan.followup.domain.TaskAsOf;
import care.iop.plan.privacy.Part2ListFilter;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.privacy.Disclosure;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.time.ProgramTime;
import care.iop.platform.web.ETags;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;
import io.quarkus.panache.common.Sort;

/**
 * The follow-up work queue: list (by clinician, kind, status, overdue, patient), read, and complete with an outcome note.
 * Every answer is audited per patient; lists leave out what the Part 2 gate does not let the caller see.
 */
@ApplicationScoped
public class FollowUpService {
    public static final String RESOURCE = "FollowUpTask";

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    Disclosure disclosure;

    @Inject
    Part2ListFilter part2Filter;

    @Inject
    ProgramTime time;

    @Inject
    FollowUpEvents events;

    /** Soonest due first (the most overdue on top), then by id: a stable order across pages. */
    @Transactional
    public Page<TaskAsOf> search(FollowUpSearch search, PageQuery page) {
        OffsetDateTime now = time.now();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (search.assignedClinicianId() != null) {
            where.add("assignedClinicianId = :clinician");
            params.put("clinician", search.assignedClinicianId());
        }
        if (search.kind() != null) {
            where.add("kind = :kind");
            params.put("kind", search.kind());
        }
        if (search.status() != null) {
            where.add("status = :status");
            params.put("status", search.status());
        }
        if (search.patientId() != null) {
            where.add("patientId = :patient");
            params.put("patient", search.patientId());
        }
        if (search.overdue() != null) {
            String overdue = "(status = :open and dueAt <= :now)";
            where.add(search.overdue() ? overdue : "not " + overdue);
            params.put("open", FollowUpTask.Status.OPEN);
            params.put("now", now);
        }
        part2Filter.jpql("patientId", params).ifPresent(where::add);
        var found = FollowUpTask.<FollowUpTask>find(where.isEmpty() ? "1 = 1" : String.join(" and ", where),
                Sort.by("dueAt").and("id"), params);
        long total = found.count();
        List<FollowUpTask> tasks = found.page(page.page, page.size).list();
        audit.success(AuditAction.SEARCH, RESOURCE, null, tasks.stream().map(t -> t.patientId).toList());
        return Page.of(tasks.stream().map(t -> TaskAsOf.at(t, now)).toList(), page, total);
    }

    @Transactional
    public TaskAsOf get(UUID id) {
        FollowUpTask task = visible(FollowUpTask.findById(id), id);
        audit.success(AuditAction.READ, RESOURCE, id, task.patientId);
        return TaskAsOf.at(task, time.now());
    }

    /**
     * Closes an open task with the clinician's outcome note (DONE, FollowUpCompleted). 409 when it is not open; with
     * {@code If-Match}, 412 when the task changed since it was read.
     */
    @Transactional
    public TaskAsOf complete(UUID id, String note, String ifMatch) {
        if (note == null || note.isBlank()) {
            throw ProblemException.invalidField("note", "must not be blank");
        }
        FollowUpTask task = visible(FollowUpTask.findById(id, LockModeType.PESSIMISTIC_WRITE), id);
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireMatch(ifMatch, task.version);
        }
        if (task.status != FollowUpTask.Status.OPEN) {
            throw ProblemException.conflict("Follow-up task " + id + " is " + task.status + ", not OPEN: only an open task is completed");
        }
        OffsetDateTime now = time.now();
        task.status = FollowUpTask.Status.DONE;
        task.outcomeNote = note.strip();
        task.doneBy = user.subject();
        task.doneAt = now;
        events.completed(task);
        audit.success(AuditAction.UPDATE, RESOURCE, id, task.patientId);
        return TaskAsOf.at(task, now);
    }

    private FollowUpTask visible(FollowUpTask task, UUID id) {
        if (task == null) {
            throw ProblemException.notFound(RESOURCE, id);
        }
        disclosure.require(task.patientId, RESOURCE, id);
        return task;
    }
}
