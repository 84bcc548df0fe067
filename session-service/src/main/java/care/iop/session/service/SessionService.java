package care.iop.session.service;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import care.iop.events.EventTypes;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.web.ETags;
import care.iop.platform.web.ReadOnlyFields;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;
import care.iop.session.config.SessionConfig;
import care.iop.session.domain.Booking;
import care.iop.session.domain.BookingStatus;
import care.iop.session.domain.ChangeScope;
import care.iop.session.domain.SessionSeries;
import care.iop.session.domain.SessionStatus;
import care.iop.session.domain.SessionType;
import care.iop.session.domain.TherapySession;
import care.iop.session.rest.RescheduleRequest;
import care.iop.session.rest.SessionMapper;
import care.iop.session.rest.SessionRequest;
import io.quarkus.panache.common.Parameters;

/** Scheduling, rescheduling and cancelling sessions. */
@ApplicationScoped
public class SessionService {
    static final Duration MAX_DURATION = Duration.ofHours(12);

    /** Everything needed to put one session on the calendar. */
    public record Draft(SessionType type, UUID clinicianId, UUID patientId, OffsetDateTime start, OffsetDateTime end,
                        String topic, Integer capacity, String location, UUID seriesId) {
    }

    /**
     * List filters; null means any. {@code visiblePart2}: for an external caller, the Part 2 patients whose INDIVIDUAL and
     * FAMILY sessions it may see (the sessions of other Part 2 patients, and of patients not known, are left out of the
     * items and the total); null for staff.
     */
    public record Filter(UUID clinicianId, UUID patientId, SessionType type, OffsetDateTime from, OffsetDateTime to,
                         String status, Set<UUID> visiblePart2) {
    }

    @Inject
    EntityManager em;

    @Inject
    SessionConfig config;

    @Inject
    Eligibility eligibility;

    @Inject
    ConflictGuard conflicts;

    @Inject
    BookingService bookings;

    @Inject
    SessionEvents events;

    @Inject
    SessionMapper mapper;

    @Transactional
    public TherapySession create(@Valid @NotNull SessionRequest request) {
        return schedule(new Draft(request.type(), request.clinicianId(), request.patientId(), request.start(), request.end(),
                request.topic(), request.capacity(), request.location(), null));
    }

    /** Validates, persists (the database refusing overlaps) and announces one session; books its patient if it has one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TherapySession schedule(Draft draft) {
        validateTimes(draft.start(), draft.end());
        int capacity = capacity(draft.type(), draft.capacity());
        if (draft.type().hasRoster() && draft.patientId() != null) {
            throw ProblemException.invalidField("patientId", "a GROUP session books its patients through its participants");
        }
        if (!draft.type().hasRoster() && draft.patientId() == null) {
            throw ProblemException.invalidField("patientId", "is required for INDIVIDUAL and FAMILY sessions");
        }
        eligibility.requireClinician(draft.clinicianId(), draft.type());
        if (draft.patientId() != null) {
            eligibility.requirePatient(draft.patientId(), draft.type(), draft.start());
        }
        TherapySession session = new TherapySession();
        session.id = UUID.randomUUID();
        session.seriesId = draft.seriesId();
        session.type = draft.type();
        session.clinicianId = draft.clinicianId();
        session.patientId = draft.patientId();
        session.start = draft.start();
        session.end = draft.end();
        session.topic = draft.topic();
        session.capacity = capacity;
        session.placeAt(draft.location());
        session.status = SessionStatus.BOOKED;
        session.createdAt = Clock.now();
        session.persist();
        conflicts.flush(slot(session, null));
        events.session(EventTypes.SESSION_SCHEDULED, session);
        if (draft.patientId() != null) {
            Booking booking = new Booking();
            booking.id = UUID.randomUUID();
            booking.sessionId = session.id;
            booking.patientId = draft.patientId();
            booking.status = BookingStatus.BOOKED;
            booking.start = session.start;
            booking.end = session.end;
            booking.requestedAt = Clock.now();
            booking.persist();
            conflicts.flush(slot(session, draft.patientId()));
            events.booking(EventTypes.BOOKING_CONFIRMED, session, booking);
        }
        return session;
    }

    @Transactional
    public TherapySession get(UUID id) {
        TherapySession session = TherapySession.findById(id);
        if (session == null) {
            throw ProblemException.notFound("Session", id);
        }
        return session;
    }

    @Transactional
    public Page<TherapySession> list(Filter filter, PageQuery page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.clinicianId() != null) {
            query.append(" and clinicianId = :clinicianId");
            params.put("clinicianId", filter.clinicianId());
        }
        if (filter.patientId() != null) {
            query.append(" and (patientId = :patientId or id in (select b.sessionId from Booking b where b.patientId = :patientId"
                    + " and b.status <> :cancelledBooking))");
            params.put("patientId", filter.patientId());
            params.put("cancelledBooking", BookingStatus.CANCELLED);
        }
        if (filter.type() != null) {
            query.append(" and type = :type");
            params.put("type", filter.type());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.from() != null) {
            query.append(" and end > :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            query.append(" and start < :to");
            params.put("to", filter.to());
        }
        if (filter.visiblePart2() != null) {
            query.append(" and (patientId is null or patientId in (select k.patientId from KnownPatientLabel k where k.part2 = false)");
            if (!filter.visiblePart2().isEmpty()) {
                query.append(" or patientId in :visiblePart2");
                params.put("visiblePart2", filter.visiblePart2());
            }
            query.append(")");
        }
        var found = TherapySession.<TherapySession>find(query + " order by start, id", params);
        long total = found.count();
        if ((long) page.page * page.size >= total) {
            return Page.of(List.of(), page, total);
        }
        List<TherapySession> items = found.page(page.page, page.size).list();
        return Page.of(items, page, total);
    }

    /** Cancels the session (or it and the later occurrences of its series): bookings cancelled, events published. */
    @Transactional
    public List<TherapySession> cancel(UUID id, String reason, ChangeScope scope) {
        TherapySession target = bookings.lockOrNotFound(id);
        if (target.isCancelled()) {
            throw ProblemException.conflict("Session " + id + " is already cancelled");
        }
        if (target.isFulfilled()) {
            throw ProblemException.ruleViolation("Session " + id + " already took place");
        }
        requireNotStarted(target, "cancelled");
        List<TherapySession> affected = new ArrayList<>();
        for (TherapySession session : withFollowing(target, scope)) {
            if (session != target) {
                session = TherapySession.lockById(session.id);
            }
            if (!SessionStatus.BOOKED.equals(session.status)) {
                continue;
            }
            bookings.cancelAll(session, reason);
            session.status = SessionStatus.CANCELLED;
            session.cancelReason = reason;
            em.flush();
            events.session(EventTypes.SESSION_CANCELLED, session);
            affected.add(session);
        }
        return affected;
    }

    /** Moves a session (If-Match required); with THIS_AND_FOLLOWING the later occurrences of its series follow. */
    @Transactional
    public TherapySession reschedule(UUID id, String ifMatch, @Valid @NotNull RescheduleRequest request) {
        TherapySession target = bookings.lockOrNotFound(id);
        ETags.requireMatch(ifMatch, target.version);
        ReadOnlyFields.check(request, mapper.staff(target)).verify();
        validateTimes(request.start(), request.end());
        if (!SessionStatus.BOOKED.equals(target.status)) {
            throw ProblemException.ruleViolation("Session " + id + " is " + target.status + " and cannot be moved");
        }
        requireNotStarted(target, "moved");
        ZonedDateTime oldStart = target.start.atZoneSameInstant(config.timeZone());
        ZonedDateTime newStart = request.start().atZoneSameInstant(config.timeZone());
        long dayShift = newStart.toLocalDate().toEpochDay() - oldStart.toLocalDate().toEpochDay();
        Duration duration = Duration.between(request.start(), request.end());
        for (TherapySession session : withFollowing(target, request.scope())) {
            if (session == target) {
                move(session, request.start(), request.end(), request);
                continue;
            }
            session = TherapySession.lockById(session.id);
            if (!SessionStatus.BOOKED.equals(session.status)) {
                continue;
            }
            ZonedDateTime start = session.start.atZoneSameInstant(config.timeZone()).toLocalDate().plusDays(dayShift)
                    .atTime(newStart.toLocalTime()).atZone(config.timeZone());
            move(session, start.toOffsetDateTime(), start.plus(duration).toOffsetDateTime(), request);
        }
        if (request.scope() == ChangeScope.THIS_AND_FOLLOWING && target.seriesId != null) {
            continueSeriesAs(SessionSeries.findById(target.seriesId), dayShift, newStart, duration, target);
        }
        return target;
    }

    /** The series record describes how it goes on after a THIS_AND_FOLLOWING change: days, time, length, place and lead. */
    private static void continueSeriesAs(SessionSeries series, long dayShift, ZonedDateTime newStart, Duration duration, TherapySession moved) {
        if (series == null) {
            return;
        }
        series.daysOfWeek = Arrays.stream(series.daysOfWeek.split(","))
                .map(day -> DayOfWeek.valueOf(day.trim()).plus(dayShift).name())
                .collect(Collectors.joining(","));
        series.localStartTime = newStart.toLocalTime();
        series.durationMinutes = (int) duration.toMinutes();
        series.location = moved.location;
        series.topic = moved.topic;
        series.capacity = moved.capacity;
        series.clinicianId = moved.clinicianId;
    }

    private void move(TherapySession session, OffsetDateTime start, OffsetDateTime end, RescheduleRequest request) {
        if (request.clinicianId() != null && !request.clinicianId().equals(session.clinicianId)) {
            eligibility.requireClinician(request.clinicianId(), session.type);
            session.clinicianId = request.clinicianId();
        }
        if (request.capacity() != null) {
            int capacity = capacity(session.type, request.capacity());
            long booked = Booking.countWithStatus(session.id, BookingStatus.BOOKED);
            if (capacity < booked) {
                throw ProblemException.ruleViolation("capacity", "Session " + session.id + " already has " + booked + " booked patients");
            }
            session.capacity = capacity;
        }
        session.start = start;
        session.end = end;
        session.placeAt(request.location());
        if (request.topic() != null) {
            session.topic = request.topic();
        }
        conflicts.flush(slot(session, null));
        for (Booking booking : Booking.active(session.id)) {
            booking.start = start;
            booking.end = end;
            conflicts.flush(slot(session, booking.patientId));
        }
        events.session(EventTypes.SESSION_RESCHEDULED, session);
        bookings.promote(session);
    }

    private List<TherapySession> withFollowing(TherapySession target, ChangeScope scope) {
        if (scope != ChangeScope.THIS_AND_FOLLOWING || target.seriesId == null) {
            return List.of(target);
        }
        List<TherapySession> all = new ArrayList<>();
        all.add(target);
        all.addAll(TherapySession.<TherapySession>list("seriesId = :series and start > :start and id <> :id order by start",
                Parameters.with("series", target.seriesId).and("start", target.start).and("id", target.id)));
        return all;
    }

    private int capacity(SessionType type, Integer requested) {
        if (!type.hasRoster()) {
            if (requested != null && requested != 1) {
                throw ProblemException.invalidField("capacity", "only GROUP sessions have a capacity");
            }
            return 1;
        }
        int capacity = requested == null ? config.defaultGroupCapacity() : requested;
        if (capacity > config.maxGroupCapacity()) {
            throw ProblemException.invalidField("capacity", "must be at most " + config.maxGroupCapacity());
        }
        return capacity;
    }

    /** 422 once a session has started: what happened in it is recorded as attendance, not undone. */
    private void requireNotStarted(TherapySession session, String verb) {
        if (!session.start.isAfter(Clock.now())) {
            throw ProblemException.ruleViolation("Session " + session.id + " started at " + events.local(session.start)
                    + " and can no longer be " + verb + "; record its attendance instead");
        }
    }

    static void validateTimes(OffsetDateTime start, OffsetDateTime end) {
        TimeParams.requireStorable("start", start);
        TimeParams.requireStorable("end", end);
        if (!end.isAfter(start)) {
            throw ProblemException.invalidField("end", "must be after start");
        }
        if (Duration.between(start, end).compareTo(MAX_DURATION) > 0) {
            throw ProblemException.invalidField("end", "a session lasts at most 12 hours");
        }
    }

    static ConflictGuard.Slot slot(TherapySession session, UUID patientId) {
        return new ConflictGuard.Slot(session.id, session.clinicianId, session.room, patientId, session.start, session.end);
    }
}
