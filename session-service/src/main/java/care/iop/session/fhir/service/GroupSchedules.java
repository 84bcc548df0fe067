package care.iop.session.fhir.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import care.iop.session.fhir.domain.Found;
import care.iop.session.fhir.domain.GroupSchedule;
import care.iop.session.fhir.domain.Revision;
import care.iop.session.fhir.domain.TimeWindow;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Finds the clinicians who lead group sessions, each as the FHIR Schedule of its Slots. */
@ApplicationScoped
public class GroupSchedules {
    private static final String LEADERS = """
            select clinician_id, min(created_at) as since from therapy_session where type = 'GROUP' group by clinician_id""";

    static final int PAGE = 100;

    @Inject
    EntityManager em;

    @Transactional
    public Optional<GroupSchedule> of(UUID clinicianId) {
        return search(Set.of(clinicianId), TimeWindow.ANY, 0, 1).items().stream().findFirst();
    }

    /** One page of the schedules of {@code clinicianIds} (null: all), changed in {@code lastUpdated}, by clinician id. */
    @Transactional
    public Found<GroupSchedule> search(Set<UUID> clinicianIds, TimeWindow lastUpdated, int offset, int count) {
        Conditions where = new Conditions()
                .andIf(clinicianIds, "clinician_id in (:ids)", "ids")
                .window(lastUpdated, "since >= :updatedFrom", "since < :updatedTo", "updated");
        String from = " from (" + LEADERS + ") leaders" + where.where();
        long total = ((Number) where.bindTo(em.createNativeQuery("select count(*)" + from)).getSingleResult()).longValue();
        if (total == 0 || count == 0 || offset >= total) {
            return new Found<>(List.of(), total);
        }
        Query query = where.bindTo(em.createNativeQuery("select clinician_id, since" + from + " order by clinician_id"));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setFirstResult(offset).setMaxResults(count).getResultList();
        return new Found<>(rows.stream().map(r -> new GroupSchedule((UUID) r[0], new Revision(1, instant(r[1])))).toList(), total);
    }

    /** Every schedule changed in {@code lastUpdated}, a page at a time (few: one per clinician who leads groups). */
    public void each(TimeWindow lastUpdated, Consumer<List<GroupSchedule>> pages) {
        for (int offset = 0; ; offset += PAGE) {
            int from = offset;
            Found<GroupSchedule> page = QuarkusTransaction.requiringNew().call(() -> search(null, lastUpdated, from, PAGE));
            if (!page.items().isEmpty()) {
                pages.accept(page.items());
            }
            if (from + PAGE >= page.total()) {
                return;
            }
        }
    }

    /** A timestamptz column as the driver hands it over. */
    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        return ((Timestamp) value).toInstant();
    }
}
