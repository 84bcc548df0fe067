package care.iop.session.service;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.web.ReadOnlyFields;
import care.iop.session.domain.Attendance;
import care.iop.session.domain.AttendanceStatus;
import care.iop.session.domain.Booking;
import care.iop.session.domain.BookingStatus;
import care.iop.session.domain.SessionStatus;
import care.iop.session.domain.TherapySession;
import care.iop.session.notes.service.GroupConfidentiality;
import care.iop.session.rest.AttendanceRequest;
import care.iop.session.rest.SessionMapper;
import care.iop.session.rest.Views;

/** Records attendance: the session becomes fulfilled and plan-service learns the dose through the event. */
@ApplicationScoped
public class AttendanceService {

    @Inject
    EntityManager em;

    @Inject
    BookingService bookings;

    @Inject
    SessionEvents events;

    @Inject
    CurrentUser user;

    @Inject
    SessionMapper mapper;

    @Inject
    GroupConfidentiality confidentiality;

    @Transactional
    public List<Attendance> record(UUID sessionId, @Valid @NotNull AttendanceRequest request) {
        TherapySession session = bookings.lockOrNotFound(sessionId);
        requireReadOnlyUnchanged(session, request);
        if (session.isCancelled()) {
            throw ProblemException.ruleViolation("Session " + sessionId + " was cancelled");
        }
        if (session.start.isAfter(Clock.now())) {
            throw ProblemException.ruleViolation("Session " + sessionId + " has not started yet");
        }
        Set<UUID> booked = new HashSet<>();
        Booking.<Booking>list("sessionId = ?1 and status = ?2", sessionId, BookingStatus.BOOKED).forEach(b -> booked.add(b.patientId));
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < request.attendees().size(); i++) {
            AttendanceRequest.Attendee attendee = request.attendees().get(i);
            String field = "attendees[" + i + "]";
            if (!seen.add(attendee.patientId())) {
                throw ProblemException.invalidField(field + ".patientId", "listed twice");
            }
            if (!booked.contains(attendee.patientId())) {
                throw ProblemException.ruleViolation(field + ".patientId", "Patient " + attendee.patientId() + " is not booked into this session");
            }
            if (attendee.minutesAttended() > session.durationMinutes()) {
                throw ProblemException.invalidField(field + ".minutesAttended", "must be at most the session's " + session.durationMinutes() + " minutes");
            }
            if ((attendee.status() == AttendanceStatus.ABSENT || attendee.status() == AttendanceStatus.NO_SHOW) && attendee.minutesAttended() != 0) {
                throw ProblemException.invalidField(field + ".minutesAttended", "must be 0 for " + attendee.status());
            }
        }
        // Group confidentiality: an attendee's note names no other member (by id, or by name or identifier through their
        // fingerprints), and a group's note names no member at all.
        for (int i = 0; i < request.attendees().size(); i++) {
            Set<UUID> others = new HashSet<>(booked);
            others.remove(request.attendees().get(i).patientId());
            String note = request.attendees().get(i).note();
            if (note != null) {
                confidentiality.requireNoneNamed(Map.of("attendees[" + i + "].note", note), others);
            }
        }
        if (session.type.hasRoster() && request.groupNote() != null) {
            confidentiality.requireNoneNamed(Map.of("groupNote", request.groupNote()), booked);
        }
        // Recording again may change only attendance rows: the session's version moves anyway, since the FHIR versions of
        // its Appointments and Encounters (docs/fhir-session.md) are made of it and must change with what they show.
        em.lock(session, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        em.createQuery("delete from Attendance a where a.sessionId = ?1").setParameter(1, sessionId).executeUpdate();
        List<Attendance> rows = request.attendees().stream().map(a -> {
            Attendance row = new Attendance();
            row.id = UUID.randomUUID();
            row.sessionId = sessionId;
            row.patientId = a.patientId();
            row.status = a.status();
            row.minutesAttended = a.minutesAttended();
            row.note = a.note();
            row.billingCode = BillingCodes.suggest(session.type, a.status(), a.minutesAttended());
            row.recordedAt = Clock.now();
            row.recordedBy = user.subject();
            row.persist();
            return row;
        }).toList();
        session.groupNote = request.groupNote();
        session.status = SessionStatus.FULFILLED;
        em.flush();
        events.attendance(session, rows);
        return rows;
    }

    /** Read-modify-write: the body GET returned may come back; its read-only fields must be the recorded ones. */
    private void requireReadOnlyUnchanged(TherapySession session, AttendanceRequest request) {
        List<Attendance> rows = Attendance.forSession(session.id);
        Views.AttendanceView current = mapper.attendance(session, rows, rows, true);
        Map<UUID, String> codes = new HashMap<>();
        current.attendees().forEach(a -> codes.put(a.patientId(), a.billingCode()));
        ReadOnlyFields.Check check = ReadOnlyFields.check(request, current);
        for (int i = 0; i < request.attendees().size(); i++) {
            AttendanceRequest.Attendee attendee = request.attendees().get(i);
            check.nested("attendees[" + i + "].billingCode", attendee.billingCode(), codes.get(attendee.patientId()));
        }
        check.verify();
    }

    @Transactional
    public List<Attendance> get(UUID sessionId) {
        if (TherapySession.findById(sessionId) == null) {
            throw ProblemException.notFound("Session", sessionId);
        }
        return Attendance.forSession(sessionId);
    }
}
