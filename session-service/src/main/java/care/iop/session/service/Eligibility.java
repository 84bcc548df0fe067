package care.iop.session.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.events.ModalityMix;
import care.iop.platform.consistency.AggregateVersion;
import care.iop.platform.consistency.ReadModelBehindException;
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

    /**
     * 422 naming {@code patientId} unless the patient may be booked into a session of this type at
     * this time: not discharged, a plan that is active (not on hold) and prescribes this kind
     * of therapy on the session's day, and for a group the group consent on that day. A patient no
     * participant event introduced yet is not a broken rule: {@link ReadModelBehindException} (the
     * {@code @ReadYourWrites} method waits for the event, else 503).
     */
    public void requirePatient(UUID patientId, SessionType type, OffsetDateTime start) {
        ProblemException refusal = refusals(List.of(patientId), type, start).get(patientId);
        if (refusal != null) {
            throw refusal;
        }
    }

    /**
     * The rules of {@link #requirePatient} for several patients at once (their facts read in three
     * queries): the 422 of each patient who may not be booked; the others are missing.
     */
    public Map<UUID, ProblemException> refusals(Collection<UUID> patientIds, SessionType type, OffsetDateTime start) {
        Map<UUID, PatientFacts> patients = readModels.patients(patientIds);
        Map<UUID, PlanFacts> plans = patients.isEmpty() ? Map.of() : readModels.currentPlans(patients.keySet());
        Map<UUID, ProblemException> refusals = new HashMap<>();
        for (UUID patientId : patientIds) {
            if (!patients.containsKey(patientId)) {
                refusals.put(patientId, ReadModelBehindException.unknown("patientId", AggregateVersion.PATIENT, patientId));
                continue;
            }
            reason(patientId, Optional.ofNullable(patients.get(patientId)), Optional.ofNullable(plans.get(patientId)), type, start, true)
                    .ifPresent(reason -> refusals.put(patientId, ProblemException.ruleViolation("patientId", reason)));
        }
        return refusals;
    }

    /**
     * Judges the patient's existing bookings, from the patient's and plan's facts read once: for a
     * session's type and start, why the booking can no longer stand, or empty when it can. The rules of
     * {@link #requirePatient}, except that a plan on hold keeps its bookings (only a completed or
     * revoked plan, a discharge, a lapsed consent or a switch away from this kind of therapy cancels them).
     */
    public BiFunction<SessionType, OffsetDateTime, Optional<String>> lapsedBookings(UUID patientId) {
        Optional<PatientFacts> patient = readModels.patient(patientId);
        Optional<PlanFacts> plan = plan(patient);
        return (type, start) -> reason(patientId, patient, plan, type, start, false);
    }

    private Optional<PlanFacts> plan(Optional<PatientFacts> patient) {
        return patient.flatMap(p -> readModels.currentPlan(p.patientId()));
    }

    private Optional<String> reason(UUID patientId, Optional<PatientFacts> patient, Optional<PlanFacts> plan, SessionType type,
                                    OffsetDateTime start, boolean newBooking) {
        if (patient.isEmpty()) {
            return Optional.of("Patient " + patientId + " is not known (no participant event received)");
        }
        if (patient.get().discharged()) {
            return Optional.of("Patient " + patientId + " is discharged");
        }
        if (plan.isEmpty()) {
            return Optional.of("Patient " + patientId + " has no active treatment plan");
        }
        if (newBooking && plan.get().onHold()) {
            return Optional.of("The treatment plan of patient " + patientId + " is on hold");
        }
        LocalDate day = start.atZoneSameInstant(config.timeZone()).toLocalDate();
        ModalityMix mix = plan.get().mixOn(day);
        return switch (type) {
            case GROUP -> {
                if (mix.groupHoursPerWeek() <= 0) {
                    yield Optional.of("The plan of patient " + patientId + " prescribes no group therapy on " + day);
                }
                if (!patient.get().hasConsent(GROUP_CONSENT, day)) {
                    yield Optional.of("Patient " + patientId + " has no active GROUP_PARTICIPATION consent on " + day);
                }
                yield Optional.empty();
            }
            case INDIVIDUAL -> mix.individualSessionsPerWeek() <= 0
                    ? Optional.of("The plan of patient " + patientId + " prescribes no individual sessions on " + day)
                    : Optional.empty();
            case FAMILY -> mix.familySessionsPerWeek() <= 0
                    ? Optional.of("The plan of patient " + patientId + " prescribes no family sessions on " + day)
                    : Optional.empty();
        };
    }

    /**
     * 422 naming {@code clinicianId} unless the clinician is active and (for groups) can lead groups; a clinician no
     * participant event introduced yet is {@link ReadModelBehindException} (waited for, else 503).
     */
    public void requireClinician(UUID clinicianId, SessionType type) {
        Optional<ClinicianFacts> clinician = readModels.clinician(clinicianId);
        if (clinician.isEmpty()) {
            throw ReadModelBehindException.unknown("clinicianId", AggregateVersion.CLINICIAN, clinicianId);
        }
        if (!clinician.get().active()) {
            throw ProblemException.ruleViolation("clinicianId", "Clinician " + clinicianId + " is not active");
        }
        if (type == SessionType.GROUP && !clinician.get().canLeadGroups()) {
            throw ProblemException.ruleViolation("clinicianId", "Clinician " + clinicianId + " may not lead groups");
        }
    }
}
