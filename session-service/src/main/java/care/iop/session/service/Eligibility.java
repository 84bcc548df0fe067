package care.iop.session.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.platform.problem.ProblemException;
import care.iop.session.config.SessionConfig;
import care.iop.session.domain.ReadModels;
import care.iop.session.domain.ReadModels.ClinicianFacts;
import care.iop.session.domain.ReadModels.PatientFacts;
import care.iop.session.domain.ReadModels.PlanFacts;
import care.iop.session.domain.SessionType;

/** What the plan and the patient's record allow: decided from the local read models only. */
@ApplicationScoped
public class Eligibility {
    public static final String GROUP_CONSENT = "GROUP_PARTICIPATION";

    @Inject
    ReadModels readModels;

    @Inject
    SessionConfig config;

    /** 422 naming {@code patientId} unless the patient may be booked into a session of this type at this time. */
    public void requirePatient(UUID patientId, SessionType type, OffsetDateTime start) {
        reasonPatientCannotAttend(patientId, type, start).ifPresent(reason -> {
            throw ProblemException.ruleViolation("patientId", reason);
        });
    }

    /** Why the patient may not attend such a session, or empty when eligible. */
    public Optional<String> reasonPatientCannotAttend(UUID patientId, SessionType type, OffsetDateTime start) {
        Optional<PatientFacts> patient = readModels.patient(patientId);
        if (patient.isEmpty()) {
            return Optional.of("Patient " + patientId + " is not known (no participant event received)");
        }
        if (patient.get().discharged()) {
            return Optional.of("Patient " + patientId + " is discharged");
        }
        Optional<PlanFacts> plan = readModels.activePlan(patientId);
        if (plan.isEmpty()) {
            return Optional.of("Patient " + patientId + " has no active treatment plan");
        }
        LocalDate day = start.atZoneSameInstant(config.timeZone()).toLocalDate();
        return switch (type) {
            case GROUP -> {
                if (plan.get().groupHoursPerWeek() <= 0) {
                    yield Optional.of("The plan of patient " + patientId + " prescribes no group therapy");
                }
                if (!patient.get().hasConsent(GROUP_CONSENT, day)) {
                    yield Optional.of("Patient " + patientId + " has no active GROUP_PARTICIPATION consent on " + day);
                }
                yield Optional.empty();
            }
            case INDIVIDUAL -> plan.get().individualSessionsPerWeek() <= 0
                    ? Optional.of("The plan of patient " + patientId + " prescribes no individual sessions")
                    : Optional.empty();
            case FAMILY -> plan.get().familySessionsPerWeek() <= 0
                    ? Optional.of("The plan of patient " + patientId + " prescribes no family sessions")
                    : Optional.empty();
        };
    }

    /** 422 naming {@code clinicianId} unless the clinician is known, active and (for groups) can lead groups. */
    public void requireClinician(UUID clinicianId, SessionType type) {
        Optional<ClinicianFacts> clinician = readModels.clinician(clinicianId);
        if (clinician.isEmpty()) {
            throw ProblemException.ruleViolation("clinicianId", "Clinician " + clinicianId + " is not known (no participant event received)");
        }
        if (!clinician.get().active()) {
            throw ProblemException.ruleViolation("clinicianId", "Clinician " + clinicianId + " is not active");
        }
        if (type == SessionType.GROUP && !clinician.get().canLeadGroups()) {
            throw ProblemException.ruleViolation("clinicianId", "Clinician " + clinicianId + " may not lead groups");
        }
    }
}
