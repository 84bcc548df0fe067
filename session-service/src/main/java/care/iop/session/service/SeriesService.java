package care.iop.session.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import care.iop.platform.problem.ProblemException;
import care.iop.session.config.SessionConfig;
import care.iop.session.domain.Booking;
import care.iop.session.domain.SessionSeries;
import care.iop.session.domain.SessionStatus;
import care.iop.session.domain.TherapySession;
import care.iop.session.rest.SeriesRequest;

/** Weekly series: occurrences keep their wall-clock time in the program time zone across daylight-saving changes. */
@ApplicationScoped
public class SeriesService {
    /** How a missing series is named in a 404 (also when it is hidden from an external caller). */
    public static final String NOT_FOUND = "Session series";

    @Inject
    SessionConfig config;

    @Inject
    SessionService sessions;

    @Inject
    BookingService bookings;

    @Transactional
    public SessionSeries create(@Valid @NotNull SeriesRequest request) {
        TimeParams.requireStorable("from", request.from());
        TimeParams.requireStorable("until", request.until());
        if ((request.until() == null) == (request.count() == null)) {
            throw ProblemException.invalidField("until", "give exactly one of until and count");
        }
        if (request.until() != null && request.until().isBefore(request.from())) {
            throw ProblemException.invalidField("until", "must not be before from");
        }
        ZoneId zone = config.timeZone();
        SessionSeries series = new SessionSeries();
        series.id = UUID.randomUUID();
        series.type = request.type();
        series.clinicianId = request.clinicianId();
        series.patientId = request.patientId();
        Set<DayOfWeek> days = EnumSet.copyOf(request.daysOfWeek());
        series.daysOfWeek = days.stream().map(DayOfWeek::name).collect(Collectors.joining(","));
        series.localStartTime = request.startTime();
        series.durationMinutes = request.durationMinutes();
        series.fromDate = request.from();
        series.untilDate = request.until();
        series.occurrenceCount = request.count();
        series.timeZone = zone.getId();
        series.topic = request.topic();
        series.capacity = request.capacity() == null ? 0 : request.capacity();
        series.location = request.location();
        series.createdAt = Clock.now();
        series.persist();

        List<LocalDate> dates = occurrenceDates(days, request.from(), request.until(), request.count());
        if (dates.isEmpty()) {
            throw ProblemException.invalidField("daysOfWeek", "no occurrence falls between from and until");
        }
        if (dates.size() > config.maxSeriesOccurrences()) {
            throw ProblemException.invalidField(request.count() != null ? "count" : "until",
                    "a series has at most " + config.maxSeriesOccurrences() + " occurrences");
        }
        for (LocalDate date : dates) {
            ZonedDateTime start = date.atTime(request.startTime()).atZone(zone);
            ZonedDateTime end = start.plusMinutes(request.durationMinutes());
            TherapySession session = sessions.schedule(new SessionService.Draft(request.type(), request.clinicianId(),
                    request.patientId(), start.toOffsetDateTime(), end.toOffsetDateTime(), request.topic(), request.capacity(),
                    request.location(), series.id));
            series.capacity = session.capacity;
        }
        return series;
    }

    static List<LocalDate> occurrenceDates(Set<DayOfWeek> days, LocalDate from, LocalDate until, Integer count) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate last = until != null ? until : from.plusYears(5);
        for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
            if (days.contains(day.getDayOfWeek())) {
                dates.add(day);
                if (count != null && dates.size() == count) {
                    break;
                }
            }
            if (dates.size() > 1000) {
                break;
            }
        }
        return dates;
    }

    @Transactional
    public SessionSeries get(UUID id) {
        SessionSeries series = SessionSeries.findById(id);
        if (series == null) {
            throw ProblemException.notFound(NOT_FOUND, id);
        }
        return series;
    }

    @Transactional
    public List<TherapySession> occurrences(UUID seriesId) {
        return TherapySession.list("seriesId = ?1 order by start", seriesId);
    }

    /** Rolling admission: books the patient into every future occurrence that still takes bookings. */
    @Transactional
    public List<Booking> book(UUID seriesId, UUID patientId) {
        SessionSeries series = get(seriesId);
        if (!series.type.hasRoster()) {
            throw ProblemException.ruleViolation("A " + series.type + " series books its patient when it is created");
        }
        List<TherapySession> future = TherapySession.list("seriesId = ?1 and status = ?2 and start > ?3 order by start",
                seriesId, SessionStatus.BOOKED, Clock.now());
        List<Booking> result = new ArrayList<>();
        for (TherapySession occurrence : future) {
            TherapySession session = bookings.lockOrNotFound(occurrence.id);
            Booking existing = Booking.of(session.id, patientId);
            if (existing != null && existing.status.active()) {
                result.add(existing);
                continue;
            }
            result.add(bookings.bookLocked(session, patientId));
        }
        if (result.isEmpty()) {
            throw ProblemException.ruleViolation("Series " + seriesId + " has no future occurrence to book");
        }
        return result;
    }
}
