package care.iop.plan.followup.service;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import care.iop.plan.followup.domain.AttendancePolicy;
import care.iop.plan.followup.domain.FollowUpTask;
import care.iop.plan.followup.domain.FollowUpTask.Kind;
import care.iop.plan.followup.domain.FollowUpTask.Status;
import care.iop.plan.service.PrimaryClinicians;
import care.iop.platform.time.ProgramTime;

/**
 * Turns recorded attendance into follow-up tasks, in the transaction that applies the attendance event: a NO_SHOW opens
 * a follow-up of that session for the patient's primary clinician (once: a redelivered event or a correction that keeps
 * the NO_SHOW opens nothing new), a correction away from NO_SHOW cancels the open one, and a newly missed session that
 * takes the patient over the attendance policy opens a discharge review (none while one is open).
 */
@ApplicationScoped
public class NoShowFollowUps {
    static final String NO_SHOW = "NO_SHOW";

    @Inject
    EntityManager em;

    @Inject
    ProgramTime time;

    @Inject
    PrimaryClinicians clinicians;

    @Inject
    FollowUpEvents events;

    @Inject
    AttendanceConfig config;

    /** Reads the statuses recorded for the session before an event replaces them (read model {@code attended_session}). */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Map<UUID, String> recordedStatuses(UUID sessionId) {
        Map<UUID, String> statuses = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("select patient_id, status from attended_session where session_id = ?1")
                .setParameter(1, sessionId).getResultList();
        rows.forEach(row -> statuses.put((UUID) row[0], (String) row[1]));
        return statuses;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(SessionAttendance attendance) {
        OffsetDateTime now = time.now();
        Map<UUID, FollowUpTask> live = new HashMap<>();
        FollowUpTask.<FollowUpTask>list("kind = ?1 and sessionId = ?2 and status <> ?3", Kind.NO_SHOW_FOLLOW_UP,
                attendance.sessionId(), Status.CANCELLED).forEach(task -> live.put(task.patientId, task));
        live.values().stream()
                .filter(task -> task.status == Status.OPEN && !NO_SHOW.equals(attendance.statuses().get(task.patientId)))
                .forEach(task -> cancel(task, now));
        attendance.statuses().forEach((patientId, status) -> {
            if (NO_SHOW.equals(status) && !live.containsKey(patientId)) {
                openNoShow(attendance, patientId, now);
            }
            if (AttendancePolicy.missed(status) && !AttendancePolicy.missed(attendance.previous().get(patientId))) {
                reviewIfOverPolicy(patientId, attendance.start(), now);
            }
        });
    }

    private void cancel(FollowUpTask task, OffsetDateTime now) {
        task.status = Status.CANCELLED;
        task.cancelledAt = now;
        events.cancelled(task);
    }

    private void openNoShow(SessionAttendance attendance, UUID patientId, OffsetDateTime now) {
        FollowUpTask task = newTask(patientId, Kind.NO_SHOW_FOLLOW_UP, attendance.start(), now);
        task.sessionId = attendance.sessionId();
        task.sessionStart = attendance.start();
        task.persist();
        events.opened(task);
    }

    private void reviewIfOverPolicy(UUID patientId, OffsetDateTime sessionStart, OffsetDateTime now) {
        if (FollowUpTask.count("patientId = ?1 and kind = ?2 and status = ?3", patientId, Kind.DISCHARGE_REVIEW, Status.OPEN) > 0) {
            return;
        }
        AttendancePolicy policy = config.policy();
        LocalDate day = time.dayOf(sessionStart);
        Optional<AttendancePolicy.Breach> breach = policy.breachAround(missedDays(patientId, policy, day), day);
        if (breach.isEmpty()) {
            return;
        }
        FollowUpTask task = newTask(patientId, Kind.DISCHARGE_REVIEW, sessionStart, now);
        task.missedCount = breach.get().missedCount();
        task.windowFrom = breach.get().from();
        task.windowTo = breach.get().to();
        task.persist();
        events.opened(task);
    }

    /** The program days of the patient's missed sessions in the windows around {@code day} (one per missed session). */
    @SuppressWarnings("unchecked")
    private List<LocalDate> missedDays(UUID patientId, AttendancePolicy policy, LocalDate day) {
        OffsetDateTime from = time.endOf(policy.windowStart(day).minusDays(1));
        OffsetDateTime to = time.endOf(day.plus(policy.window()).minusDays(1));
        List<Object> days = em.createNativeQuery("""
                        select cast(session_start at time zone :zone as date) from attended_session
                        where patient_id = :patient and status in (:missed) and session_start >= :from and session_start < :to""")
                .setParameter("zone", time.zone().getId()).setParameter("patient", patientId)
                .setParameter("missed", AttendancePolicy.MISSED).setParameter("from", from).setParameter("to", to).getResultList();
        return days.stream().map(d -> d instanceof LocalDate local ? local : ((Date) d).toLocalDate()).toList();
    }

    private FollowUpTask newTask(UUID patientId, Kind kind, OffsetDateTime sessionStart, OffsetDateTime now) {
        FollowUpDeadline deadline = FollowUpDeadline.after(time, sessionStart);
        FollowUpTask task = new FollowUpTask();
        task.id = UUID.randomUUID();
        task.patientId = patientId;
        task.kind = kind;
        task.assignedClinicianId = clinicians.of(patientId).orElse(null);
        task.dueOn = deadline.dueOn();
        task.dueAt = deadline.dueAt();
        task.status = Status.OPEN;
        task.openedAt = now;
        return task;
    }
}
