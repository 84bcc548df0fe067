package care.iop.session.notes.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import care.iop.platform.web.PageQuery;

/**
 * The notes past due and not fully signed (DRAFT, AWAITING_COSIGNATURE), and those missing altogether: an attending
 * member without a note, a group with members present but no narrative. Past due: the session ended more than
 * {@code iop.notes.due-after} ago ({@link NoteDeadlines}); at exactly the deadline a note is not overdue yet.
 */
@ApplicationScoped
public class OverdueNotes {
    /** One row per note that should be signed and is not, with the session's clinician who signs it. */
    private static final String ROWS = """
            select n.id as note_id, n.session_id, s.type as session_type, n.patient_id, n.kind, n.status, s.clinician_id, s.end_at
            from progress_note n join therapy_session s on s.id = n.session_id
            where n.status in ('DRAFT', 'AWAITING_COSIGNATURE') and s.end_at < ?1
            union all
            select null, a.session_id, s.type, a.patient_id, 'PATIENT', 'MISSING', s.clinician_id, s.end_at
            from therapy_session s join attendance a on a.session_id = s.id
            where s.status = 'fulfilled' and s.end_at < ?1
              and (a.status in ('ATTENDED', 'LATE', 'LEFT_EARLY') or s.type = 'FAMILY' and a.status = 'EXCUSED')
              and not exists (select 1 from progress_note n where n.session_id = a.session_id and n.patient_id = a.patient_id
                              and n.status <> 'ENTERED_IN_ERROR')
            union all
            select null, s.id, s.type, null, 'GROUP_NARRATIVE', 'MISSING', s.clinician_id, s.end_at
            from therapy_session s
            where s.type = 'GROUP' and s.status = 'fulfilled' and s.end_at < ?1
              and exists (select 1 from attendance a where a.session_id = s.id and a.status in ('ATTENDED', 'LATE', 'LEFT_EARLY'))
              and not exists (select 1 from progress_note n where n.session_id = s.id and n.kind = 'GROUP_NARRATIVE'
                              and n.status <> 'ENTERED_IN_ERROR')
            """;
    private static final String FILTER = " where cast(?2 as uuid) is null or o.clinician_id = ?2";
    /** One clinician's rows only (no null case: the planner pushes it into every branch). */
    private static final String OF_CLINICIAN = " where o.clinician_id = ?2";

    @Inject
    EntityManager em;

    @Inject
    NoteDeadlines deadlines;

    /** One overdue item; {@code noteId} null when the note is missing, {@code patientId} null for a narrative. */
    public record Item(UUID noteId, UUID sessionId, String sessionType, UUID patientId, String kind, String status, UUID clinicianId,
                       OffsetDateTime sessionEnd) {
    }

    public record Found(List<Item> items, long total) {
    }

    public record Count(UUID clinicianId, long missing, long drafts, long awaitingCosignature) {
    }

    /** A page of overdue items, the longest overdue first; all clinicians' when {@code clinicianId} is null. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Found list(UUID clinicianId, PageQuery page) {
        OffsetDateTime endedBefore = deadlines.endedBeforeIsOverdue();
        List<Object[]> rows = em.createNativeQuery("select * from (" + ROWS + ") o" + FILTER
                        + " order by o.end_at, o.session_id, o.patient_id nulls first limit ?3 offset ?4")
                .setParameter(1, endedBefore).setParameter(2, clinicianId).setParameter(3, page.size).setParameter(4, page.offset())
                .getResultList();
        long total = ((Number) em.createNativeQuery("select count(*) from (" + ROWS + ") o" + FILTER)
                .setParameter(1, endedBefore).setParameter(2, clinicianId).getSingleResult()).longValue();
        return new Found(rows.stream().map(OverdueNotes::item).toList(), total);
    }

    /**
     * Every note the clinician (the session's) has to write or sign, due or not yet: the rows of the overdue list for the
     * sessions that ended before {@code endedBefore} (the worklist passes now), the oldest session first.
     */
    @SuppressWarnings("unchecked")
    public List<Item> open(UUID clinicianId, OffsetDateTime endedBefore) {
        List<Object[]> rows = em.createNativeQuery("select * from (" + ROWS + ") o" + OF_CLINICIAN
                        + " order by o.end_at, o.session_id, o.patient_id nulls first")
                .setParameter(1, endedBefore).setParameter(2, clinicianId).getResultList();
        return rows.stream().map(OverdueNotes::item).toList();
    }

    private static Item item(Object[] r) {
        return new Item((UUID) r[0], (UUID) r[1], (String) r[2], (UUID) r[3], (String) r[4], (String) r[5], (UUID) r[6], instant(r[7]));
    }

    /** Overdue items per clinician (only clinicians with some), by clinician id. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Count> counts(UUID clinicianId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select o.clinician_id, count(*) filter (where o.status = 'MISSING'), count(*) filter (where o.status = 'DRAFT'),
                            count(*) filter (where o.status = 'AWAITING_COSIGNATURE')
                        from (""" + ROWS + ") o" + FILTER + " group by o.clinician_id order by o.clinician_id")
                .setParameter(1, deadlines.endedBeforeIsOverdue()).setParameter(2, clinicianId).getResultList();
        return rows.stream().map(r -> new Count((UUID) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue())).toList();
    }

    private static OffsetDateTime instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected time value " + value);
    }
}
