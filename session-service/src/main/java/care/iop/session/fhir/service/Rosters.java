package care.iop.session.fhir.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import care.iop.session.domain.Booking;
import care.iop.session.domain.BookingStatus;
import care.iop.session.domain.SessionStatus;
import care.iop.session.domain.SessionType;
import care.iop.session.domain.TherapySession;
import care.iop.session.fhir.domain.Found;
import care.iop.session.fhir.domain.Revision;
import care.iop.session.fhir.domain.Roster;
import care.iop.session.fhir.domain.RosterFilter;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Finds GROUP sessions with their rosters for the FHIR Slots and Groups: by id, by search criteria a page at a time, or all
 * of them for an export, one page per transaction.
 */
@ApplicationScoped
public class Rosters {
    static final int EXPORT_PAGE = 100;

    /**
     * The FHIR Slot status of a group session (docs/fhir-session.md): busy-unavailable once it takes no bookings any more
     * (cancelled, taken place or ended: the rule of BookingService), busy while every seat is taken (a booking then joins
     * the waitlist), else free.
     */
    private static final String STATUS = """
            case when s.status <> :open or s.end <= :now then 'busy-unavailable'
                 when (select count(c) from Booking c where c.sessionId = s.id and c.status = :seated) >= s.capacity then 'busy'
                 else 'free' end""";

    @Inject
    EntityManager em;

    @Transactional
    public Optional<Roster> byId(UUID sessionId) {
        return search(RosterFilter.all().ids(Set.of(sessionId)), 0, 1).items().stream().findFirst();
    }

    /** One page of the group sessions matching {@code filter}, by start (then id), and how many match in all. */
    @Transactional
    public Found<Roster> search(RosterFilter filter, int offset, int count) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Conditions where = conditions(filter, now);
        long total = where.bindTo(em.createQuery("select count(s) from TherapySession s" + where.where(), Long.class)).getSingleResult();
        if (total == 0 || count == 0 || offset >= total) {
            return new Found<>(List.of(), total);
        }
        return new Found<>(read(where, now, " order by s.start, s.id", offset, count), total);
    }

    /**
     * Every group session matching {@code filter}, in id order, {@value #EXPORT_PAGE} at a time, each page in a transaction of
     * its own and handed to {@code pages} after it.
     */
    public void each(RosterFilter filter, Consumer<List<Roster>> pages) {
        UUID after = null;
        while (true) {
            UUID last = after;
            List<Roster> page = QuarkusTransaction.requiringNew().call(() -> {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                Conditions where = conditions(filter, now).andIf(last, "s.id > :after", "after");
                return read(where, now, " order by s.id", 0, EXPORT_PAGE);
            });
            if (!page.isEmpty()) {
                pages.accept(page);
            }
            if (page.size() < EXPORT_PAGE) {
                return;
            }
            after = page.get(page.size() - 1).session().id;
        }
    }

    private List<Roster> read(Conditions where, OffsetDateTime now, String order, int offset, int count) {
        TypedQuery<Object[]> query = where.bindTo(em.createQuery("select s, " + STATUS + " from TherapySession s" + where.where() + order,
                Object[].class));
        statusParameters(query, now);
        List<Object[]> rows = query.setFirstResult(offset).setMaxResults(count).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(r -> ((TherapySession) r[0]).id).toList();
        Map<UUID, List<Booking>> bookings = new HashMap<>();
        em.createQuery("from Booking b where b.sessionId in :ids order by b.requestedAt, b.id", Booking.class).setParameter("ids", ids)
                .getResultList().forEach(b -> bookings.computeIfAbsent(b.sessionId, id -> new ArrayList<>()).add(b));
        List<Roster> rosters = new ArrayList<>();
        for (Object[] row : rows) {
            TherapySession session = (TherapySession) row[0];
            List<Booking> roster = bookings.getOrDefault(session.id, List.of());
            long version = session.version;
            OffsetDateTime lastUpdated = session.updatedAt;
            for (Booking booking : roster) {
                version += booking.version + 1;
                lastUpdated = Revisions.latest(lastUpdated, booking.updatedAt);
            }
            rosters.add(new Roster(session, roster, roster.stream().filter(b -> b.status == BookingStatus.BOOKED).count(),
                    roster.stream().filter(b -> b.status == BookingStatus.WAITLISTED).count(), (String) row[1],
                    new Revision(version, Revisions.instant(lastUpdated))));
        }
        return rosters;
    }

    private static void statusParameters(TypedQuery<?> query, OffsetDateTime now) {
        query.setParameter("open", SessionStatus.BOOKED).setParameter("now", now).setParameter("seated", BookingStatus.BOOKED);
    }

    private static Conditions conditions(RosterFilter filter, OffsetDateTime now) {
        Conditions where = new Conditions()
                .and("s.type = :group", "group", SessionType.GROUP)
                .andIf(filter.ids(), "s.id in :ids", "ids")
                .andIf(filter.clinicians(), "s.clinicianId in :clinicians", "clinicians")
                .andIf(filter.members(), "exists (select 1 from Booking m where m.sessionId = s.id and m.patientId in :members"
                        + " and m.seatedAt is not null)", "members")
                .window(filter.start(), "s.start >= :startFrom", "s.start < :startTo", "start")
                .window(filter.lastUpdated(),
                        "(s.updatedAt >= :updatedFrom or exists (select 1 from Booking u where u.sessionId = s.id and u.updatedAt >= :updatedFrom))",
                        "s.updatedAt < :updatedTo and not exists (select 1 from Booking u where u.sessionId = s.id and u.updatedAt >= :updatedTo)",
                        "updated");
        if (filter.statuses() != null && filter.statuses().isEmpty()) {
            where.and("1 = 0");
        } else if (filter.statuses() != null) {
            where.and("(" + STATUS + ") in :statuses", "statuses", filter.statuses(), "open", SessionStatus.BOOKED, "now", now,
                    "seated", BookingStatus.BOOKED);
        }
        return where;
    }
}
