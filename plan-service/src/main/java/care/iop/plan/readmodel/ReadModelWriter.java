package care.iop.plan.readmodel;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.events.AttendanceRecorded;
import care.iop.events.BookingState;
import care.iop.events.ClinicianState;
import care.iop.events.PatientState;
import care.iop.events.SessionState;
import care.iop.platform.inbox.UnprocessableEventException;
import care.iop.platform.privacy.Purpose;

/**
 * Writes the read models (known_patient with known_consent, known_clinician, attended_session, booked_session) from other services' events.
 * A patient event that changes a known patient's group comfort or preferred modality fires {@link PatientPreferencesChanged}.
 */
@ApplicationScoped
public class ReadModelWriter {
    static final String PART2_DISCLOSURE = "PART2_DISCLOSURE";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Event<PatientPreferencesChanged> preferencesChanged;

    /**
     * Upserts the patient; an event older than (or as old as) the stored version changes nothing. The Part 2 label is
     * sticky (once true it stays true, whatever a later event says), and the patient's PART2_DISCLOSURE consents are
     * replaced by the event's, only when the event is applied (the same version guard). True when it was applied.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean upsertPatient(PatientState p) {
        if (p.patientId() == null || p.status() == null || p.track() == null) {
            throw new UnprocessableEventException("PatientState needs patientId, status and track");
        }
        Object[] before = preferences(p.patientId());
        int applied = em.createNativeQuery("""
                        insert into known_patient (patient_id, status, track, level_of_care, group_comfort, preferred_modality,
                                                   active_consents, discharged_on, version, updated_at, part2,
                                                   birth_date, admission_date, discharge_reason_code)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                        on conflict (patient_id) do update set status = excluded.status, track = excluded.track,
                            level_of_care = excluded.level_of_care, group_comfort = excluded.group_comfort,
                            preferred_modality = excluded.preferred_modality, active_consents = excluded.active_consents,
                            discharged_on = excluded.discharged_on, version = excluded.version, updated_at = excluded.updated_at,
                            part2 = known_patient.part2 or excluded.part2,
                            birth_date = coalesce(excluded.birth_date, known_patient.birth_date),
                            admission_date = excluded.admission_date, discharge_reason_code = excluded.discharge_reason_code
                        where known_patient.version < excluded.version""")
                .setParameter(1, p.patientId())
                .setParameter(2, p.status())
                .setParameter(3, p.track())
                .setParameter(4, p.levelOfCare())
                .setParameter(5, p.groupComfort())
                .setParameter(6, p.preferredModality())
                .setParameter(7, consents(p.activeConsents()))
                .setParameter(8, p.dischargedOn())
                .setParameter(9, p.version())
                .setParameter(10, now())
                .setParameter(11, p.isPart2())
                .setParameter(12, p.birthDate())
                .setParameter(13, p.admissionDate())
                .setParameter(14, p.dischargeReasonCode())
                .executeUpdate();
        if (applied == 1) {
            replaceDisclosureConsents(p);
            firePreferencesChanged(before, p);
        }
        return applied == 1;
    }

    /** {group_comfort, preferred_modality} of a known patient, or null. */
    private Object[] preferences(UUID patientId) {
        return (Object[]) em.createNativeQuery("select group_comfort, preferred_modality from known_patient where patient_id = ?1")
                .setParameter(1, patientId).getResultStream().findFirst().orElse(null);
    }

    /** An applied event that changed the group comfort or preferred modality of a patient known before: PatientPreferencesChanged. */
    private void firePreferencesChanged(Object[] before, PatientState p) {
        if (before == null) {
            return;
        }
        PatientPreferencesChanged change = new PatientPreferencesChanged(p.patientId(), p.version(), (String) before[0], p.groupComfort(),
                (String) before[1], p.preferredModality());
        if (change.comfortChanged() || change.preferenceChanged()) {
            preferencesChanged.fire(change);
        }
    }

    /**
     * The patient's records are Part 2 from now on (a plan carries an SUD diagnosis, or a booking or attendance event
     * says so); never cleared. A patient this service does not know yet is left alone (its own event labels it).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void labelPart2(UUID patientId) {
        em.createNativeQuery("update known_patient set part2 = true where patient_id = ?1 and not part2")
                .setParameter(1, patientId).executeUpdate();
    }

    private void replaceDisclosureConsents(PatientState p) {
        em.createNativeQuery("delete from known_consent where patient_id = ?1").setParameter(1, p.patientId()).executeUpdate();
        if (p.activeConsents() == null) {
            return;
        }
        Set<UUID> seen = new HashSet<>();
        for (PatientState.ConsentSummary consent : p.activeConsents()) {
            if (!PART2_DISCLOSURE.equals(consent.kind()) || consent.consentId() == null || !seen.add(consent.consentId())) {
                continue;
            }
            em.createNativeQuery("""
                            insert into known_consent (patient_id, consent_id, recipient_id, purposes, expires_on)
                            values (?1, ?2, ?3, string_to_array(?4, ','), ?5)""")
                    .setParameter(1, p.patientId())
                    .setParameter(2, consent.consentId())
                    .setParameter(3, consent.recipientId())
                    .setParameter(4, purposes(consent.purposes()))
                    .setParameter(5, consent.expiresOn())
                    .executeUpdate();
        }
    }

    /** The purposes a consent names, as Purpose names (HL7 codes too); unknown values are dropped (they cover nothing). */
    private static String purposes(List<String> names) {
        if (names == null) {
            return "";
        }
        return names.stream().map(Purpose::parse).flatMap(Optional::stream).map(Purpose::name).distinct()
                .collect(Collectors.joining(","));
    }

    /** Upserts the clinician; an older version changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsertClinician(ClinicianState c) {
        if (c.clinicianId() == null) {
            throw new UnprocessableEventException("ClinicianState needs clinicianId");
        }
        em.createNativeQuery("""
                        insert into known_clinician (clinician_id, display_name, can_lead_groups, active, version, updated_at,
                                                     credentials)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (clinician_id) do update set display_name = excluded.display_name,
                            can_lead_groups = excluded.can_lead_groups, active = excluded.active,
                            credentials = excluded.credentials,
                            version = excluded.version, updated_at = excluded.updated_at
                        where known_clinician.version < excluded.version""")
                .setParameter(1, c.clinicianId())
                .setParameter(2, c.displayName())
                .setParameter(3, c.canLeadGroups())
                .setParameter(4, c.active())
                .setParameter(5, c.version())
                .setParameter(6, now())
                .setParameter(7, c.credentials() == null ? null : String.join(",", c.credentials()))
                .executeUpdate();
    }

    /** Replaces the attendance rows of the session (a correction replaces the previous recording). */
    @Transactional(Transactional.TxType.MANDATORY)
    /** A booking's latest state (booking events of one session arrive in order: they share its key). */
    public void upsertBooking(BookingState b) {
        if (b.sessionId() == null || b.patientId() == null || b.sessionType() == null || b.status() == null || b.start() == null || b.end() == null) {
            throw new UnprocessableEventException("A booking event needs sessionId, patientId, sessionType, status, start and end");
        }
        em.createNativeQuery("""
                        insert into booked_session (session_id, patient_id, modality, status, session_start, session_end)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (session_id, patient_id) do update set modality = excluded.modality, status = excluded.status,
                            session_start = excluded.session_start, session_end = excluded.session_end""")
                .setParameter(1, b.sessionId()).setParameter(2, b.patientId()).setParameter(3, b.sessionType())
                .setParameter(4, b.status()).setParameter(5, b.start()).setParameter(6, b.end())
                .executeUpdate();
        if (Boolean.TRUE.equals(b.part2())) {
            labelPart2(b.patientId());
        }
    }

    /** A rescheduled session moves its bookings. */
    public void moveBookings(SessionState s) {
        if (s.sessionId() == null || s.start() == null || s.end() == null) {
            throw new UnprocessableEventException("A session event needs sessionId, start and end");
        }
        em.createNativeQuery("update booked_session set session_start = ?2, session_end = ?3 where session_id = ?1")
                .setParameter(1, s.sessionId()).setParameter(2, s.start()).setParameter(3, s.end())
                .executeUpdate();
    }

    public void replaceAttendance(AttendanceRecorded a) {
        if (a.sessionId() == null || a.start() == null || a.end() == null || a.attendees() == null) {
            throw new UnprocessableEventException("AttendanceRecorded needs sessionId, start, end and attendees");
        }
        em.createNativeQuery("delete from attended_session where session_id = ?1").setParameter(1, a.sessionId()).executeUpdate();
        for (AttendanceRecorded.Attendee attendee : a.attendees()) {
            String modality = attendee.modality() != null ? attendee.modality() : a.sessionType();
            if (attendee.patientId() == null || attendee.status() == null || modality == null) {
                throw new UnprocessableEventException("Attendee of session " + a.sessionId() + " needs patientId, status and modality");
            }
            em.createNativeQuery("""
                            insert into attended_session (session_id, patient_id, modality, status, minutes, session_start, session_end)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                            on conflict (session_id, patient_id) do update set modality = excluded.modality, status = excluded.status,
                                minutes = excluded.minutes, session_start = excluded.session_start, session_end = excluded.session_end""")
                    .setParameter(1, a.sessionId())
                    .setParameter(2, attendee.patientId())
                    .setParameter(3, modality)
                    .setParameter(4, attendee.status())
                    .setParameter(5, Math.max(0, attendee.minutesAttended()))
                    .setParameter(6, a.start())
                    .setParameter(7, a.end())
                    .executeUpdate();
            if (Boolean.TRUE.equals(attendee.part2())) {
                labelPart2(attendee.patientId());
            }
        }
    }

    private String consents(List<PatientState.ConsentSummary> consents) {
        try {
            return json.writeValueAsString(consents == null ? List.of() : consents);
        } catch (JsonProcessingException e) {
            throw new UnprocessableEventException("Consents are not serializable", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
