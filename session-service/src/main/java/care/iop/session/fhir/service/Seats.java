package care.iop.session.fhir.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import care.iop.session.domain.Attendance;
import care.iop.session.domain.AttendanceStatus;
import care.iop.session.domain.Booking;
import care.iop.session.domain.BookingStatus;
import care.iop.session.domain.SessionType;
import care.iop.session.domain.TherapySession;
import care.iop.session.fhir.domain.Found;
import care.iop.session.fhir.domain.Revision;
import care.iop.session.fhir.domain.Seat;
import care.iop.session.fhir.domain.SeatFilter;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Finds seats (a booking with its session and the patient's attendance) for the FHIR Appointments and Encounters: by id,
 * by search criteria a page at a time, or all of them for an export, one page per transaction. Each seat is read in one
 * statement, so its status, rows and version agree.
 */
@ApplicationScoped
public class Seats {
    /** Seats read per transaction by {@link #each}. */
    static final int EXPORT_PAGE = 200;

    private static final String FROM = " from Booking b join TherapySession s on s.id = b.sessionId"
            + " left join Attendance a on a.sessionId = b.sessionId and a.patientId = b.patientId";

    /**
     * The FHIR Appointment status of a seat (docs/fhir-session.md): the booking's own status while the session is ahead;
     * once attendance is recorded fulfilled for a patient present (and for a family session held without the excused
     * patient: it took place and is billed), noshow for one absent, excused or not shown.
     */
    private static final String STATUS = """
            case when b.status = :waitlisted then 'waitlist'
                 when b.status = :cancelled then 'cancelled'
                 when a.status in :present then 'fulfilled'
                 when a.status = :excused and s.type = :family then 'fulfilled'
                 when a.status is not null then 'noshow'
                 else 'booked' end""";

    private static final List<AttendanceStatus> PRESENT = Arrays.stream(AttendanceStatus.values()).filter(AttendanceStatus::present).toList();
    private static final Object[] STATUS_PARAMETERS = { "waitlisted", BookingStatus.WAITLISTED, "cancelled", BookingStatus.CANCELLED,
            "present", PRESENT, "excused", AttendanceStatus.EXCUSED, "family", SessionType.FAMILY };

    @Inject
    EntityManager em;

    @Transactional
    public Optional<Seat> byId(UUID bookingId, SeatFilter filter) {
        return search(filter.ids(Set.of(bookingId)), 0, 1).items().stream().findFirst();
    }

    /** One page of the seats matching {@code filter}, by start (then id), and how many match in all. */
    @Transactional
    public Found<Seat> search(SeatFilter filter, int offset, int count) {
        Conditions where = conditions(filter);
        long total = where.bindTo(em.createQuery("select count(b)" + FROM + where.where(), Long.class)).getSingleResult();
        if (total == 0 || count == 0 || offset >= total) {
            return new Found<>(List.of(), total);
        }
        List<Seat> seats = read(where, " order by b.start, b.id", offset, count);
        return new Found<>(seats, total);
    }

    /**
     * Every seat matching {@code filter}, in id order, read {@value #EXPORT_PAGE} at a time, each page in a transaction of its
     * own and handed to {@code pages} after it (never all of them in memory).
     */
    public void each(SeatFilter filter, Consumer<List<Seat>> pages) {
        UUID after = null;
        while (true) {
            UUID last = after;
            List<Seat> page = QuarkusTransaction.requiringNew().call(() -> {
                Conditions where = conditions(filter);
                where.andIf(last, "b.id > :after", "after");
                return read(where, " order by b.id", 0, EXPORT_PAGE);
            });
            if (!page.isEmpty()) {
                pages.accept(page);
            }
            if (page.size() < EXPORT_PAGE) {
                return;
            }
            after = page.get(page.size() - 1).booking().id;
        }
    }

    private List<Seat> read(Conditions where, String order, int offset, int count) {
        TypedQuery<Object[]> query = where.bindTo(em.createQuery("select b, s, a, " + STATUS + FROM + where.where() + order, Object[].class));
        bind(query, STATUS_PARAMETERS);
        List<Seat> seats = new ArrayList<>();
        for (Object[] row : query.setFirstResult(offset).setMaxResults(count).getResultList()) {
            Booking booking = (Booking) row[0];
            TherapySession session = (TherapySession) row[1];
            seats.add(new Seat(session, booking, (Attendance) row[2], (String) row[3], booking.waitlistPosition(),
                    new Revision(booking.version + session.version,
                    Revisions.instant(Revisions.latest(booking.updatedAt, session.updatedAt)))));
        }
        return seats;
    }

    private static void bind(TypedQuery<?> query, Object... nameValues) {
        for (int i = 0; i < nameValues.length; i += 2) {
            query.setParameter((String) nameValues[i], nameValues[i + 1]);
        }
    }

    private static Conditions conditions(SeatFilter filter) {
        Conditions where = new Conditions()
                .andIf(filter.ids(), "b.id in :ids", "ids")
                .andIf(filter.patients(), "b.patientId in :patients", "patients")
                .andIf(filter.clinicians(), "s.clinicianId in :clinicians", "clinicians")
                .andIf(filter.sessions(), "b.sessionId in :sessions", "sessions")
                .window(filter.start(), "s.start >= :startFrom", "s.start < :startTo", "start")
                .window(filter.during(), "s.end > :duringFrom", "s.start < :duringTo", "during")
                .window(filter.lastUpdated(), "(b.updatedAt >= :updatedFrom or s.updatedAt >= :updatedFrom)",
                        "b.updatedAt < :updatedTo and s.updatedAt < :updatedTo", "updated");
        if (filter.statuses() != null && filter.statuses().isEmpty()) {
            where.and("1 = 0");
        } else if (filter.statuses() != null) {
            Object[] parameters = Arrays.copyOf(STATUS_PARAMETERS, STATUS_PARAMETERS.length + 2);
            parameters[STATUS_PARAMETERS.length] = "statuses";
            parameters[STATUS_PARAMETERS.length + 1] = filter.statuses();
            where.and("(" + STATUS + ") in :statuses", parameters);
        }
        if (filter.attendedOnly()) {
            where.and("a.status in :attended", "attended", PRESENT);
        }
        Set<UUID> visible = filter.visiblePart2();
        if (visible != null) {
            String notPart2 = "b.patientId in (select k.patientId from KnownPatientLabel k where k.part2 = false)";
            if (visible.isEmpty()) {
                where.and(notPart2);
            } else {
                where.and("(" + notPart2 + " or b.patientId in :visible)", "visible", visible);
            }
        }
        return where;
    }
}
