package care.iop.plan.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.events.ModalityMix;
import care.iop.events.PlanState;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.config.PlanConfig;
import care.iop.plan.episode.domain.StepDown;
import care.iop.plan.episode.service.HourRules;
import care.iop.plan.readmodel.Consents;
import care.iop.plan.readmodel.KnownClinician;
import care.iop.plan.readmodel.KnownPatient;
import care.iop.platform.consistency.AggregateVersion;
import care.iop.platform.consistency.ReadModelBehindException;
import care.iop.platform.problem.ProblemException;

/** Business rules shared by plan creation, activation and modality switches (each a 4xx problem). */
@ApplicationScoped
public class PlanRules {

    @Inject
    PlanConfig config;

    @Inject
    Consents consents;

    @Inject
    HourRules hours;

    /**
     * The patient must not be discharged → else 422. A patient iop.participants has not introduced yet is not a broken
     * rule: {@link ReadModelBehindException} (a {@code ReadYourWrites} method waits for the event, else 503).
     */
    public KnownPatient treatablePatient(UUID patientId) {
        KnownPatient patient = KnownPatient.findById(patientId);
        if (patient == null) {
            throw ReadModelBehindException.unknown("patientId", AggregateVersion.PATIENT, patientId);
        }
        if (patient.isDischarged()) {
            throw ProblemException.ruleViolation("patientId", "Patient " + patientId + " is discharged");
        }
        return patient;
    }

    /** The clinician must be active → else 422; unknown yet → {@link ReadModelBehindException}. */
    public void activeClinician(UUID clinicianId) {
        activeClinician(clinicianId, "primaryClinicianId");
    }

    /** {@link #activeClinician(UUID)} for a clinician named by {@code field} (e.g. {@code interventions[0].responsibleClinicianId}). */
    public void activeClinician(UUID clinicianId, String field) {
        KnownClinician clinician = KnownClinician.findById(clinicianId);
        if (clinician == null) {
            throw ReadModelBehindException.unknown(field, AggregateVersion.CLINICIAN, clinicianId);
        }
        if (!clinician.active) {
            throw ProblemException.ruleViolation(field, "Clinician " + clinicianId + " is not active");
        }
    }

    public boolean hasGroupConsent(KnownPatient patient) {
        return consents.hasActive(patient, Consents.GROUP_PARTICIPATION, config.today());
    }

    /** The level's minimum for the patient, adolescent by the date of birth on the plan's start. */
    public double minimumHours(String levelOfCare, KnownPatient patient, LocalDate planStart) {
        return config.minimumHours(levelOfCare, patient.isAdolescentOn(planStart));
    }

    /** Shape of the mix: at least one session; individual sessions need 16 minutes or more → else 400. */
    public void wellFormed(ModalityMix mix, String field) {
        if (mix.weeklyHours() <= 0) {
            throw ProblemException.invalidField(field, "plan at least one individual, group or family session a week");
        }
        if (mix.individualSessionsPerWeek() > 0 && mix.individualSessionMinutes() < 16) {
            throw ProblemException.invalidField(field + ".individualSessionMinutes", "must be 16 or more when individual sessions are planned");
        }
    }

    /**
     * Activation (from draft, or back from on hold) checks again every rule creation and switches checked, on the facts
     * of today: the patient is treatable, and each mix the plan prescribes from today on needs the patient's group
     * consent and fits the level's hours for the patient's age on the plan's start (a consent revoked or a birth date
     * corrected since must not slip through; a mix under the minimum only within the plan's step-down tolerance).
     */
    public void activatable(CarePlan plan, List<PlanState.ModalityPeriod> schedule, LocalDate today) {
        KnownPatient patient = treatablePatient(plan.patientId);
        for (int i = 0; i < schedule.size(); i++) {
            boolean over = i + 1 < schedule.size() && !schedule.get(i + 1).from().isAfter(today);
            if (!over) {
                LocalDate from = schedule.get(i).from();
                LocalDate day = from.isAfter(today) ? from : today;
                allowedMix(schedule.get(i).modality(), "modality", patient, plan.levelOfCare, plan.startDate,
                        new StepDown(day, plan.stepDownSince, false));
            }
        }
    }

    /**
     * Group hours above zero need an active GROUP_PARTICIPATION consent; the weekly hours must fit the level of care in
     * both directions ({@link HourRules}: the ceiling, and the minimum unless stepping down within the tolerance), the
     * patient adolescent or adult by the date of birth on the plan's start (a track that disagrees → 422 naming patientId).
     * Returns the first day of the step-down the plan is in afterwards (null: the mix meets the minimum).
     */
    public LocalDate allowedMix(ModalityMix mix, String field, KnownPatient patient, String levelOfCare, LocalDate planStart,
                                StepDown stepDown) {
        boolean adolescent = hours.adolescentOn(patient, planStart);
        if (mix.groupHoursPerWeek() > 0 && !hasGroupConsent(patient)) {
            throw ProblemException.ruleViolation(field + ".groupHoursPerWeek",
                    "Group therapy needs the patient's active GROUP_PARTICIPATION consent");
        }
        return hours.check(mix, field, levelOfCare, adolescent, stepDown);
    }
}
