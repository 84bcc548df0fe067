package care.iop.participant.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
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

import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.ExportQuery;
import care.iop.fhir.ExportSource;
import care.iop.participant.domain.Clinician;
import care.iop.participant.domain.Consent;
import care.iop.participant.domain.Patient;
import care.iop.participant.service.ConsentService;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.privacy.Disclosure;
import care.iop.platform.security.CurrentUser;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * This service's part of a bulk export: Patients, Consents, Practitioners and PractitionerRoles, read {@value #BATCH} rows
 * at a time in id order (each batch in a short transaction of its own, then handed to the stream), never the whole table.
 * The privacy rules of the searches hold: a caller outside the program gets a Part 2 patient only with its consent (then
 * labelled), consents only go to the roles that read them, clinicians likewise. Every exported patient record is
 * audited in its batch's transaction (one row per record, as a search audits each patient it returns).
 */
@ApplicationScoped
public class ParticipantExport implements ExportSource {
    static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    PatientMapper patientMapper;

    @Inject
    ConsentMapper consentMapper;

    @Inject
    PractitionerMapper practitionerMapper;

    @Inject
    PractitionerRoleMapper roleMapper;

    @Inject
    DisclosureLabels labels;

    @Inject
    Disclosure disclosure;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    ConsentService consents;

    @Override
    public Set<String> types() {
        return new LinkedHashSet<>(List.of(PatientFhirResource.TYPE, ClinicianFhirResource.PRACTITIONER, ClinicianFhirResource.ROLE,
                ConsentFhirResource.TYPE));
    }

    @Override
    public void export(ExportQuery query, Consumer<Resource> sink) {
        Optional<Set<UUID>> visible = disclosure.visiblePart2Patients();
        if (query.wants(PatientFhirResource.TYPE)) {
            batches(after -> patients(query, visible, after), sink);
        }
        if (ReaderRoles.any(user, ReaderRoles.CONSENTS) && query.wants(ConsentFhirResource.TYPE)) {
            LocalDate today = consents.today();
            batches(after -> consents(query, visible, today, after), sink);
        }
        boolean practitioners = query.wants(ClinicianFhirResource.PRACTITIONER);
        boolean roles = query.wants(ClinicianFhirResource.ROLE);
        if (ReaderRoles.any(user, ReaderRoles.CLINICIANS) && (practitioners || roles)) {
            batches(after -> clinicians(query, after, practitioners, roles), sink);
        }
    }

    /** One batch: its resources, and the id to continue after (null: it was the last). */
    private record Batch(List<Resource> resources, UUID last) {
    }

    private interface BatchReader {
        Batch after(UUID after);
    }

    private static void batches(BatchReader reader, Consumer<Resource> sink) {
        UUID after = null;
        do {
            UUID from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> reader.after(from));
            batch.resources().forEach(sink);
            after = batch.last();
        } while (after != null);
    }

    private Batch patients(ExportQuery query, Optional<Set<UUID>> visible, UUID after) {
        Where where = new Where("p.id", after);
        where.add(query.since() == null ? null : "p.updatedAt >= :since", "since", query.since());
        where.add(query.patients().isEmpty() ? null : "p.id in :patients", "patients", query.patients());
        visible.ifPresent(ids -> where.add(ids.isEmpty() ? "p.part2 = false" : "(p.part2 = false or p.id in :visible)", "visible", ids));
        List<UUID> ids = where.bind(em.createQuery("select p.id from Patient p" + where + " order by p.id", UUID.class))
                .setMaxResults(BATCH).getResultList();
        if (ids.isEmpty()) {
            return new Batch(List.of(), null);
        }
        List<Patient> found = em.createQuery("select distinct p from Patient p left join fetch p.identifiers where p.id in :ids order by p.id",
                Patient.class).setParameter("ids", ids).getResultList();
        disclosure.attribute(ids);
        List<Resource> resources = new ArrayList<>();
        for (Patient patient : found) {
            auditRead(PatientFhirResource.TYPE, patient.id, patient.id);
            resources.add(labels.ofPatient(patientMapper.toFhir(patient), patient.id));
        }
        return new Batch(resources, ids.size() < BATCH ? null : ids.get(ids.size() - 1));
    }

    private Batch consents(ExportQuery query, Optional<Set<UUID>> visible, LocalDate today, UUID after) {
        Where where = new Where("c.id", after);
        where.add(query.since() == null ? null : "(c.grantedAt >= :since or c.revokedAt >= :since)", "since", query.since());
        where.add(query.patients().isEmpty() ? null : "c.patientId in :patients", "patients", query.patients());
        visible.ifPresent(ids -> where.add("c.patientId in (select p.id from Patient p where p.part2 = false"
                + (ids.isEmpty() ? ")" : " or p.id in :visible)"), "visible", ids));
        List<Consent> found = where.bind(em.createQuery("select c from Consent c" + where + " order by c.id", Consent.class))
                .setMaxResults(BATCH).getResultList();
        disclosure.attribute(found.stream().map(c -> c.patientId).toList());
        List<Resource> resources = new ArrayList<>();
        for (Consent consent : found) {
            auditRead(ConsentFhirResource.TYPE, consent.id, consent.patientId);
            resources.add(labels.ofConsent(consentMapper.toFhir(consent, today), consent));
        }
        return new Batch(resources, found.size() < BATCH ? null : found.get(found.size() - 1).id);
    }

    private Batch clinicians(ExportQuery query, UUID after, boolean practitioners, boolean roles) {
        Where where = new Where("c.id", after);
        where.add(query.since() == null ? null : "c.updatedAt >= :since", "since", query.since());
        List<Clinician> found = where.bind(em.createQuery("select c from Clinician c" + where + " order by c.id", Clinician.class))
                .setMaxResults(BATCH).getResultList();
        List<Resource> resources = new ArrayList<>();
        for (Clinician clinician : found) {
            if (practitioners) {
                resources.add(practitionerMapper.toFhir(clinician));
            }
            if (roles) {
                resources.add(roleMapper.toFhir(clinician));
            }
        }
        return new Batch(resources, found.size() < BATCH ? null : found.get(found.size() - 1).id);
    }

    /**
     * Written in the batch's transaction rather than with the request's reads: the export streams after its request's
     * response filters ran, so a read deferred to them would never be written.
     */
    private void auditRead(String type, UUID id, UUID patientId) {
        audit.write(audit.change(AuditAction.READ, type, id, patientId));
    }

    /** The where clause of a batch query: after the last id of the previous batch, and the export's filters. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new java.util.HashMap<>();

        Where(String id, UUID after) {
            add(after == null ? null : id + " > :after", "after", after);
        }

        void add(String condition, String name, Object value) {
            if (condition != null) {
                conditions.add(condition);
                if (condition.contains(":" + name)) {
                    params.put(name, value instanceof Collection<?> c ? List.copyOf(c) : value);
                }
            }
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            params.forEach(query::setParameter);
            return query;
        }

        @Override
        public String toString() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }
    }
}
