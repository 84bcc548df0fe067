package care.iop.participant.service;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import care.iop.events.EventTypes;
import care.iop.participant.domain.Patient;
import care.iop.participant.domain.PatientStatus;
import care.iop.participant.domain.PreferenceChange;
import care.iop.participant.domain.PreferenceChangeRepository;
import care.iop.participant.rest.Preferences;
import care.iop.participant.rest.PreferencesRequest;
import care.iop.participant.rest.PreferencesResponse;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.problem.FieldError;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.security.Roles;
import care.iop.problems.ProblemType;
import care.iop.platform.web.ETags;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;
import care.iop.platform.web.ReadOnlyFields;

/** A patient's group comfort and modality preference; every change is kept as history and published. */
@ApplicationScoped
public class PreferenceService {
    static final String RESOURCE = "PatientPreferences";

    @Inject
    PatientAccess access;

    @Inject
    PreferenceChangeRepository changes;

    @Inject
    PatientEvents events;

    @Inject
    AuditLog audit;

    @Inject
    TimeSource time;

    @Inject
    CurrentUser user;

    @Transactional
    public Patient get(UUID patientId) {
        Patient patient = access.load(patientId);
        audit.success(AuditAction.READ, RESOURCE, patientId, patientId);
        return patient;
    }

    /**
     * Minimum necessary: {@code considerations} (the care team's free text) and its history are for admins, clinicians
     * and the patient; a scheduler neither reads them (left out of its answers) nor records them (its changes keep
     * the stored text).
     */
    public boolean mayReadConsiderations() {
        return user.hasRole(Roles.ADMIN) || user.hasRole(Roles.CLINICIAN) || user.hasRole(Roles.PATIENT);
    }

    /** Replaces the preferences; {@code ifMatch} (optional) must name the patient's version. Same values: no change. */
    @Transactional
    public Patient change(UUID patientId, String ifMatch, @Valid @NotNull PreferencesRequest request) {
        Patient patient = access.load(patientId);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, patient.version);
        }
        ReadOnlyFields.check(request, PreferencesResponse.from(patient, true)).verify();
        if (patient.status == PatientStatus.DISCHARGED) {
            throw ProblemException.ruleViolation("Patient " + patientId + " is discharged; preferences can no longer change");
        }
        String considerations = patient.considerations;
        if (mayReadConsiderations()) {
            considerations = request.considerations() == null || request.considerations().isBlank() ? null : request.considerations().strip();
        } else if (request.considerations() != null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "considerations: your role may neither read nor record considerations",
                    List.of(new FieldError("considerations", "your role may neither read nor record considerations")));
        }
        String days = Preferences.formatDays(request.preferredDays());
        boolean same = patient.groupComfort == request.groupComfort() && patient.preferredModality == request.preferredModality()
                && Objects.equals(patient.considerations, considerations) && Objects.equals(patient.preferredDays, days);
        if (!same) {
            PreferenceChange change = new PreferenceChange();
            change.patientId = patientId;
            change.changedAt = time.now();
            change.changedBy = access.subject();
            change.beforeGroupComfort = patient.groupComfort;
            change.beforePreferredModality = patient.preferredModality;
            change.beforeConsiderations = patient.considerations;
            change.beforePreferredDays = patient.preferredDays;
            change.afterGroupComfort = request.groupComfort();
            change.afterPreferredModality = request.preferredModality();
            change.afterConsiderations = considerations;
            change.afterPreferredDays = days;
            changes.persist(change);
            patient.groupComfort = request.groupComfort();
            patient.preferredModality = request.preferredModality();
            patient.considerations = considerations;
            patient.preferredDays = days;
            patient.updatedAt = change.changedAt;
            events.publish(patient, EventTypes.PATIENT_PREFERENCES_CHANGED);
        }
        audit.success(AuditAction.UPDATE, RESOURCE, patientId, patientId);
        return patient;
    }

    /** Changes newest first. */
    @Transactional
    public Page<PreferenceChange> history(UUID patientId, PageQuery page) {
        access.load(patientId);
        var query = changes.ofPatient(patientId).page(io.quarkus.panache.common.Page.of(page.page, page.size));
        Page<PreferenceChange> result = new Page<>(query.list(), page.page, page.size, query.count());
        audit.success(AuditAction.READ, "PreferenceHistory", patientId, patientId);
        return result;
    }
}
