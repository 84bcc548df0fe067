package care.iop.session.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.events.ClinicianState;
import care.iop.events.ModalityMix;
import care.iop.events.PatientState;
import care.iop.events.PlanState;
import care.iop.events.PlanState.ModalityPeriod;
import care.iop.platform.privacy.Purpose;

/**
 * Local read models of patients, clinicians and plans, fed only by participant and plan events.
 * Upserts keep the newest version: a stale event changes nothing, except that it may label a patient Part 2
 * (the label is sticky).
 */
@ApplicationScoped
public class ReadModels {

    public record Consent(String kind, LocalDate expiresOn) {
        public boolean validOn(LocalDate day) {
            return expiresOn == null || !expiresOn.isBefore(day);
        }
    }

    public record PatientFacts(UUID patientId, String status, List<Consent> consents) {
        public boolean discharged() {
            return "DISCHARGED".equalsIgnoreCase(status);
        }

        public boolean hasConsent(String kind, LocalDate day) {
            return consents.stream().anyMatch(c -> kind.equalsIgnoreCase(c.kind()) && c.validOn(day));
        }
    }

    /** {@code credentials}: as the latest clinician event gave them ("LCSW", "LPC-A"); empty when it carried none. */
    public record ClinicianFacts(UUID clinicianId, String displayName, boolean canLeadGroups, boolean active, List<String> credentials) {
    }

    /**
     * A plan that is active or on hold: the mix it prescribes on each day, and the ids of its objectives ({@code objectiveIds}
     * null when its events did not carry them: not known).
     */
    public record PlanFacts(UUID planId, String status, ModalityMix latest, List<ModalityPeriod> schedule, List<String> objectiveIds) {
        public boolean onHold() {
            return "on-hold".equals(status);
        }

        public ModalityMix mixOn(LocalDate day) {
            return PlanState.modalityOn(schedule, latest, day);
        }
    }

    private static final TypeReference<List<ModalityPeriod>> SCHEDULE = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    public Optional<PatientFacts> patient(UUID patientId) {
        return Optional.ofNullable(patients(List.of(patientId)).get(patientId));
    }

    /** The facts of several patients in two queries, by patient; a patient no event introduced is missing. */
    public Map<UUID, PatientFacts> patients(Collection<UUID> patientIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select patient_id, status from known_patient where patient_id in (?1)")
                .setParameter(1, patientIds).getResultList();
        if (rows.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> consentRows = em.createNativeQuery("select patient_id, kind, expires_on from known_patient_consent where patient_id in (?1)")
                .setParameter(1, patientIds).getResultList();
        Map<UUID, List<Consent>> consents = new HashMap<>();
        consentRows.forEach(r -> consents.computeIfAbsent((UUID) r[0], id -> new ArrayList<>()).add(new Consent((String) r[1], toDate(r[2]))));
        Map<UUID, PatientFacts> facts = new HashMap<>();
        rows.forEach(r -> facts.put((UUID) r[0], new PatientFacts((UUID) r[0], (String) r[1], consents.getOrDefault((UUID) r[0], List.of()))));
        return facts;
    }

    public Optional<ClinicianFacts> clinician(UUID clinicianId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select display_name, can_lead_groups, active, array_to_string(credentials, chr(31))
                        from known_clinician where clinician_id = ?1""")
                .setParameter(1, clinicianId).getResultList();
        return rows.stream().findFirst().map(r -> new ClinicianFacts(clinicianId, (String) r[0], (Boolean) r[1], (Boolean) r[2],
                r[3] == null || ((String) r[3]).isEmpty() ? List.of() : List.of(((String) r[3]).split("\u001f"))));
    }

    /**
     * The keyed fingerprints of the names and identifiers of these patients (from their latest events), in one query; a
     * patient known only from events that carried none is missing.
     */
    public Map<UUID, List<String>> nameFingerprints(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select patient_id, array_to_string(name_fingerprints, ',') from known_patient
                        where patient_id in (?1) and name_fingerprints is not null""")
                .setParameter(1, patientIds).getResultList();
        Map<UUID, List<String>> fingerprints = new HashMap<>();
        rows.forEach(r -> fingerprints.put((UUID) r[0], r[1] == null || ((String) r[1]).isEmpty() ? List.of() : List.of(((String) r[1]).split(","))));
        return fingerprints;
    }

    /** The patient's current plan: active or on hold (the most recently updated one if there are several). */
    public Optional<PlanFacts> currentPlan(UUID patientId) {
        return Optional.ofNullable(currentPlans(List.of(patientId)).get(patientId));
    }

    /** The current plans of several patients in one query, by patient; a patient without one is missing. */
    public Map<UUID, PlanFacts> currentPlans(Collection<UUID> patientIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select distinct on (patient_id) patient_id, plan_id, status, individual_sessions_per_week, individual_session_minutes,
                            group_hours_per_week, family_sessions_per_week, cast(modality_schedule as text),
                            array_to_string(objective_ids, chr(31))
                        from known_plan where patient_id in (?1) and status in ('active', 'on-hold') order by patient_id, updated_at desc""")
                .setParameter(1, patientIds).getResultList();
        Map<UUID, PlanFacts> plans = new HashMap<>();
        rows.forEach(r -> plans.put((UUID) r[0], new PlanFacts((UUID) r[1], (String) r[2],
                new ModalityMix(((Number) r[3]).intValue(), ((Number) r[4]).intValue(), ((Number) r[5]).doubleValue(), ((Number) r[6]).intValue()),
                schedule((String) r[7]), split((String) r[8]))));
        return plans;
    }

    /** A text array as {@code array_to_string(…, chr(31))} hands it over: null stays null, empty text is an empty list. */
    private static List<String> split(String joined) {
        if (joined == null) {
            return null;
        }
        return joined.isEmpty() ? List.of() : List.of(joined.split("\u001f"));
    }

    private List<ModalityPeriod> schedule(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, SCHEDULE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable modality schedule in known_plan", e);
        }
    }

    /**
     * Applies a patient event: status and consents when it is newer than what is known. The Part 2 label is sticky
     * (docs/security.md): an event labelled part2, even a stale one, labels the patient for good, and a patient whose
     * plan was labelled before the patient was known starts labelled.
     *
     * @return true when the event was newer than what is known (and so applied)
     */
    public boolean upsertPatient(PatientState state) {
        int applied = em.createNativeQuery("""
                        insert into known_patient (patient_id, status, version, part2, name_fingerprints)
                        values (?1, ?2, ?3, ?4 or exists (select 1 from known_plan where patient_id = ?1 and part2),
                            string_to_array(cast(?5 as text), ','))
                        on conflict (patient_id) do update set status = excluded.status, version = excluded.version,
                            part2 = known_patient.part2 or excluded.part2, name_fingerprints = excluded.name_fingerprints
                        where known_patient.version <= excluded.version""")
                .setParameter(1, state.patientId()).setParameter(2, state.status()).setParameter(3, state.version())
                .setParameter(4, state.isPart2()).setParameter(5, fingerprints(state.nameFingerprints()))
                .executeUpdate();
        if (applied == 0) {
            if (state.isPart2()) {
                labelPart2(state.patientId());
            }
            return false;
        }
        em.createNativeQuery("delete from known_patient_consent where patient_id = ?1").setParameter(1, state.patientId()).executeUpdate();
        if (state.activeConsents() != null) {
            for (PatientState.ConsentSummary consent : state.activeConsents()) {
                if (consent == null || consent.kind() == null) {
                    continue;
                }
                em.createNativeQuery("""
                                insert into known_patient_consent (consent_id, patient_id, kind, expires_on, recipient_id, purposes)
                                values (?1, ?2, ?3, ?4, ?5, string_to_array(cast(?6 as text), ','))""")
                        .setParameter(1, consent.consentId()).setParameter(2, state.patientId())
                        .setParameter(3, consent.kind()).setParameter(4, consent.expiresOn())
                        .setParameter(5, blankToNull(consent.recipientId())).setParameter(6, purposes(consent.purposes()))
                        .executeUpdate();
            }
        }
        return true;
    }

    /** The purposes of a consent as stored: our names ({@link Purpose}) joined by commas, unknown ones dropped; null when none. */
    private static String purposes(List<String> names) {
        if (names == null) {
            return null;
        }
        String joined = names.stream().map(Purpose::parse).flatMap(Optional::stream).map(Purpose::name).distinct()
                .collect(Collectors.joining(","));
        return joined.isEmpty() ? null : joined;
    }

    /** Fingerprints as stored ({@code <length>:<hex>}, joined by commas; anything else dropped); null when the event carried none. */
    private static String fingerprints(List<String> fingerprints) {
        if (fingerprints == null) {
            return null;
        }
        return fingerprints.stream().filter(f -> f != null && f.matches("[0-9]{1,4}:[0-9a-fA-F]{1,64}")).distinct()
                .collect(Collectors.joining(","));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Labels a known patient Part 2 for good. */
    private void labelPart2(UUID patientId) {
        em.createNativeQuery("update known_patient set part2 = true where patient_id = ?1 and not part2").setParameter(1, patientId).executeUpdate();
    }

    /** The patients among {@code patientIds} labelled Part 2 (by a patient event or a plan event), in one query. */
    @SuppressWarnings("unchecked")
    public Set<UUID> part2Among(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return Set.of();
        }
        List<UUID> rows = em.createNativeQuery("select patient_id from known_patient where patient_id in (?1) and part2", UUID.class)
                .setParameter(1, patientIds).getResultList();
        return new HashSet<>(rows);
    }

    public boolean upsertClinician(ClinicianState state) {
        return em.createNativeQuery("""
                        insert into known_clinician (clinician_id, display_name, can_lead_groups, active, version, credentials)
                        values (?1, ?2, ?3, ?4, ?5, string_to_array(cast(?6 as text), chr(31)))
                        on conflict (clinician_id) do update set display_name = excluded.display_name,
                            can_lead_groups = excluded.can_lead_groups, active = excluded.active, version = excluded.version,
                            credentials = excluded.credentials
                        where known_clinician.version <= excluded.version""")
                .setParameter(1, state.clinicianId()).setParameter(2, state.displayName())
                .setParameter(3, state.canLeadGroups()).setParameter(4, state.active()).setParameter(5, state.version())
                .setParameter(6, state.credentials() == null ? null : state.credentials().stream()
                        .filter(c -> c != null && !c.isBlank()).map(String::strip).collect(Collectors.joining("\u001f")))
                .executeUpdate() == 1;
    }

    /**
     * Applies a plan event when it is newer than what is known. A plan labelled Part 2 (an SUD diagnosis among its
     * problems, or the patient's track) labels the plan and its patient for good, even when the event is stale; a later
     * event saying false does not take the label back. The objective ids are those of the newest event (null: not known).
     *
     * @return true when the event was newer than what is known (and so applied)
     */
    public boolean upsertPlan(PlanState state) {
        ModalityMix mix = state.modality() == null ? new ModalityMix(0, 0, 0, 0) : state.modality();
        boolean applied = em.createNativeQuery("""
                        insert into known_plan (plan_id, patient_id, status, individual_sessions_per_week, individual_session_minutes,
                            group_hours_per_week, family_sessions_per_week, version, updated_at, modality_schedule, part2, objective_ids)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, cast(?10 as jsonb), ?11, string_to_array(cast(?12 as text), chr(31)))
                        on conflict (plan_id) do update set patient_id = excluded.patient_id, status = excluded.status,
                            individual_sessions_per_week = excluded.individual_sessions_per_week,
                            individual_session_minutes = excluded.individual_session_minutes,
                            group_hours_per_week = excluded.group_hours_per_week,
                            family_sessions_per_week = excluded.family_sessions_per_week,
                            version = excluded.version, updated_at = excluded.updated_at,
                            modality_schedule = excluded.modality_schedule, part2 = known_plan.part2 or excluded.part2,
                            objective_ids = excluded.objective_ids
                        where known_plan.version <= excluded.version""")
                .setParameter(1, state.planId()).setParameter(2, state.patientId())
                .setParameter(3, state.status() == null ? "draft" : state.status().toLowerCase(java.util.Locale.ROOT))
                .setParameter(4, mix.individualSessionsPerWeek()).setParameter(5, mix.individualSessionMinutes())
                .setParameter(6, mix.groupHoursPerWeek()).setParameter(7, mix.familySessionsPerWeek())
                .setParameter(8, state.version()).setParameter(9, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(10, scheduleJson(state.modalitySchedule())).setParameter(11, state.isPart2())
                .setParameter(12, objectiveIds(state.objectiveIds()))
                .executeUpdate() == 1;
        if (state.isPart2()) {
            if (!applied) {
                em.createNativeQuery("update known_plan set part2 = true where plan_id = ?1 and not part2")
                        .setParameter(1, state.planId()).executeUpdate();
            }
            labelPart2(state.patientId());
        }
        return applied;
    }

    /** Objective ids as stored: joined by chr(31), blanks dropped; null when the event carried none (not known). */
    private static String objectiveIds(List<String> ids) {
        if (ids == null) {
            return null;
        }
        return ids.stream().filter(id -> id != null && !id.isBlank()).map(String::strip).distinct().collect(Collectors.joining("\u001f"));
    }

    private String scheduleJson(List<ModalityPeriod> schedule) {
        if (schedule == null || schedule.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(schedule);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unwritable modality schedule", e);
        }
    }

    /** A date column as JDBC hands it over (LocalDate, java.sql.Date or text); null stays null. */
    public static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
