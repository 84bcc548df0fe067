package care.iop.participant.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import care.iop.events.DischargeReason;
import care.iop.events.EventTypes;
import care.iop.participant.domain.Identifier;
import care.iop.participant.domain.Patient;
import care.iop.participant.domain.PatientRepository;
import care.iop.participant.domain.PatientRows;
import care.iop.participant.domain.PatientStatus;
import care.iop.participant.rest.DischargeRequest;
import care.iop.participant.rest.IdentifierDto;
import care.iop.participant.rest.PatientRequest;
import care.iop.participant.rest.PatientResponse;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.privacy.Part2Notice;
import care.iop.platform.privacy.PrivacyConfig;
import care.iop.platform.web.ETags;
import care.iop.platform.web.ReadOnlyFields;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Registers, reads, replaces and discharges patients; every change publishes the patient's state. */
@ApplicationScoped
public class PatientService {
    static final String RESOURCE = "Patient";
    private static final String PATH = "/api/v1/patients/";

    @Inject
    PatientRepository patients;

    @Inject
    PatientRows rows;

    @Inject
    PatientAccess access;

    @Inject
    PatientEvents events;

    @Inject
    AuditLog audit;

    @Inject
    TimeSource time;

    @Inject
    PrivacyConfig privacy;

    /**
     * Registers a patient. A create by a caller outside the program discloses no existing record, so it is allowed
     * for a Part 2 track too (and its answer carries no notice).
     */
    @Transactional
    public Patient register(@Valid @NotNull PatientRequest request) {
        ReadOnlyFields.requireAbsent(request);
        List<Identifier> identifiers = identifiers(request.identifiers());
        Patient patient = new Patient();
        patient.id = UUID.randomUUID();
        patient.identifiers = identifiers;
        apply(patient, request);
        patient.createdAt = time.now();
        patient.updatedAt = patient.createdAt;
        UniqueConstraints.flushOr(() -> rows.insert(patient), reported -> identifierConflict(identifiers, null, reported));
        events.publishRegistered(patient);
        audit.success(AuditAction.CREATE, RESOURCE, patient.id, patient.id);
        return patient;
    }

    /**
     * One statement and no transaction of its own: the audit row of a read is committed with the request's other reads
     * before the answer leaves ({@code ReadAudits}); the patient returned is not managed.
     */
    public Patient get(UUID id) {
        Patient patient = access.read(id);
        audit.success(AuditAction.READ, RESOURCE, id, id);
        return patient;
    }

    /** Replaces the record; {@code ifMatch} must name the current version. An unchanged record publishes nothing. */
    @Transactional
    public Patient replace(UUID id, String ifMatch, @Valid @NotNull PatientRequest request) {
        Patient patient = access.load(id);
        ETags.requireMatch(ifMatch, patient.version);
        ReadOnlyFields.check(request, PatientResponse.from(patient)).computed(Part2Notice.FIELD, privacy.notice()).verify();
        List<Identifier> identifiers = identifiers(request.identifiers());
        boolean changed = !keys(identifiers).equals(keys(patient.identifiers));
        if (changed) {
            patient.identifiers.clear();
            patient.identifiers.addAll(identifiers);
        }
        changed |= apply(patient, request);
        if (changed) {
            patient.updatedAt = time.now();
            UniqueConstraints.flushOr(patients::flush, reported -> identifierConflict(identifiers, id, reported));
            events.publish(patient, EventTypes.PATIENT_UPDATED);
        }
        audit.success(AuditAction.UPDATE, RESOURCE, id, id);
        return patient;
    }

    @Transactional
    public Patient discharge(UUID id, String ifMatch, @Valid @NotNull DischargeRequest request) {
        Patient patient = access.load(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, patient.version);
        }
        if (patient.status == PatientStatus.DISCHARGED) {
            throw ProblemException.conflict("Patient " + id + " was already discharged on " + patient.dischargedOn);
        }
        if (patient.admissionDate != null && request.date().isBefore(patient.admissionDate)) {
            throw ProblemException.ruleViolation("date", "must not be before the admission date " + patient.admissionDate);
        }
        patient.status = PatientStatus.DISCHARGED;
        patient.dischargedOn = request.date();
        patient.dischargeReason = request.reason().strip();
        patient.dischargeReasonCode = request.reasonCode() == null ? DischargeReason.OTHER.name() : request.reasonCode();
        patient.updatedAt = time.now();
        events.publish(patient, EventTypes.PATIENT_DISCHARGED);
        audit.success(AuditAction.UPDATE, RESOURCE, id, id);
        return patient;
    }

    /** Copies the request onto the patient and derives the status; true when anything changed. */
    private static boolean apply(Patient p, PatientRequest r) {
        Object[] before = { p.givenName, p.familyName, p.birthDate, p.gender, p.track, p.levelOfCare, p.phone, p.email,
                p.admissionDate, p.status };
        p.givenName = r.givenName().strip();
        p.familyName = r.familyName().strip();
        p.birthDate = r.birthDate();
        p.gender = r.gender();
        p.track = r.track();
        p.levelOfCare = r.levelOfCare();
        p.phone = blankToNull(r.phone());
        p.email = blankToNull(r.email());
        p.admissionDate = r.admissionDate();
        p.deriveStatusAndLabel();
        Object[] after = { p.givenName, p.familyName, p.birthDate, p.gender, p.track, p.levelOfCare, p.phone, p.email,
                p.admissionDate, p.status };
        return !java.util.Arrays.equals(before, after);
    }

    /** Validates that the request names each identifier once; the database refuses one another patient holds (409). */
    private static List<Identifier> identifiers(List<IdentifierDto> given) {
        List<Identifier> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<IdentifierDto> list = given == null ? List.of() : given;
        for (int i = 0; i < list.size(); i++) {
            Identifier identifier = list.get(i).toDomain();
            if (!seen.add(identifier.key())) {
                throw ProblemException.invalidField("identifiers[" + i + "]", "repeats an earlier identifier");
            }
            result.add(identifier);
        }
        return result;
    }

    /**
     * The 409 for an identifier another patient holds (the unique constraint refused it; the flush failed, so the
     * holder is looked up in a transaction of its own). It names that patient ({@code conflictsWith}) only when the
     * caller may see it: a caller outside the program learns of a Part 2 patient without consent only that the
     * identifier is taken. When the holder cannot be found (its own transaction was rolled back meanwhile), the 409
     * names no patient.
     *
     * @param reported the conflicting values as PostgreSQL reports them ({@code system, value})
     */
    private ProblemException identifierConflict(List<Identifier> identifiers, UUID self, String reported) {
        return QuarkusTransaction.requiringNew().call(() -> {
            for (Identifier identifier : identifiers) {
                Optional<UUID> holder = patients.holderOf(identifier).filter(other -> !other.equals(self));
                if (holder.isPresent()) {
                    String detail = identifierTaken(identifier.system + "|" + identifier.value);
                    return access.visible(holder.get()) ? ProblemException.conflictWith(PATH + holder.get(), detail)
                            : ProblemException.conflict(detail);
                }
            }
            return ProblemException.conflict(identifierTaken(reported.replace(", ", "|")));
        });
    }

    /** The 409 detail for an identifier ({@code system|value}) another patient holds. */
    private static String identifierTaken(String systemAndValue) {
        return "Identifier " + systemAndValue + " already names another patient";
    }

    private static Set<String> keys(List<Identifier> identifiers) {
        Set<String> keys = new HashSet<>();
        identifiers.forEach(i -> keys.add(i.key()));
        return keys;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
