package care.iop.plan.episode.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import care.iop.events.DischargeReason;
import care.iop.events.EventTypes;
import care.iop.events.PatientState;
import care.iop.plan.config.PlanConfig;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.episode.domain.EpisodeOfCare;
import care.iop.plan.episode.domain.LevelOfCareTransition;
import care.iop.plan.episode.domain.LevelsOfCare;
import care.iop.plan.episode.domain.StepDown;
import care.iop.plan.privacy.Part2Labels;
import care.iop.plan.readmodel.KnownPatient;
import care.iop.platform.problem.ProblemException;

/**
 * Opens and closes episodes of care: from the patient events (an admission date opens one, a discharge closes it) and
 * on the first plan of a patient without an admission date (admitted on the plan's start). Every change locks the
 * patient's {@code known_patient} row first, so a patient event and a plan creation never open two episodes (the
 * unique partial index {@code episode_of_care_one_open} backs it).
 */
@ApplicationScoped
public class EpisodeLifecycle {
    static final String DEFAULT_LEVEL = "2.1";

    @Inject
    EntityManager em;

    @Inject
    EpisodeEvents events;

    @Inject
    PlanConfig config;

    @Inject
    Part2Labels labels;

    /**
     * A patient event that the read model applied (newer than any seen: a redelivered or older event never gets here).
     * DISCHARGED closes the open episode (date and coded reason, OTHER when the event has none); an admission date opens
     * an episode when none is open and that admission has none yet, or corrects the open episode's admission date.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void patientChanged(PatientState patient) {
        lockPatient(patient.patientId());
        Optional<EpisodeOfCare> open = EpisodeOfCare.openOf(patient.patientId());
        if (KnownPatient.DISCHARGED.equals(patient.status())) {
            open.ifPresent(episode -> close(episode, patient));
            return;
        }
        LocalDate admission = patient.admissionDate();
        if (admission == null) {
            return;
        }
        if (open.isPresent()) {
            EpisodeOfCare episode = open.get();
            if (!admission.equals(episode.admittedOn) || !EpisodeOfCare.FROM_ADMISSION.equals(episode.admissionSource)) {
                episode.admittedOn = admission;
                episode.admissionSource = EpisodeOfCare.FROM_ADMISSION;
                episode.updatedAt = now();
                events.publish(EventTypes.EPISODE_UPDATED, episode);
            }
            return;
        }
        if (EpisodeOfCare.count("patientId = ?1 and admittedOn = ?2", patient.patientId(), admission) == 0) {
            open(patient.patientId(), admission, EpisodeOfCare.FROM_ADMISSION, level(patient.levelOfCare()));
        }
    }

    /**
     * For a new plan: a step-down when the open episode's latest level change went down to the plan's level on or before
     * the plan's start (the tolerance runs from that change), else none.
     */
    public StepDown stepDownForNewPlan(UUID patientId, String levelOfCare, LocalDate start) {
        Optional<EpisodeOfCare> open = EpisodeOfCare.find("patientId = ?1 and status = ?2", patientId, EpisodeOfCare.OPEN).firstResultOptional();
        Optional<LevelOfCareTransition> last = open.flatMap(EpisodeLifecycle::lastTransition);
        if (last.isPresent() && last.get().downward() && last.get().toLevel.equals(levelOfCare) && !start.isBefore(last.get().effectiveOn)) {
            return new StepDown(start, last.get().effectiveOn, true);
        }
        return StepDown.none(start);
    }

    /**
     * The episode a new plan belongs to: the patient's open one, else a new one admitted on the patient's admission date
     * (else on the plan's start) at the plan's level. Until a level change is recorded, the plan's level becomes the
     * episode's (the admission level is provisional); after one, a plan at another level → 422 naming levelOfCare.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID attach(CarePlan plan) {
        lockPatient(plan.patientId);
        labels.patientLabelWith(plan); // an SUD diagnosis in the plan labels the patient before the episode's event says part2
        Optional<EpisodeOfCare> open = EpisodeOfCare.openOf(plan.patientId);
        if (open.isEmpty()) {
            KnownPatient patient = KnownPatient.findById(plan.patientId);
            LocalDate admission = patient == null ? null : patient.admissionDate;
            return admission != null ? open(plan.patientId, admission, EpisodeOfCare.FROM_ADMISSION, plan.levelOfCare).id
                    : open(plan.patientId, plan.startDate, EpisodeOfCare.FROM_FIRST_PLAN, plan.levelOfCare).id;
        }
        EpisodeOfCare episode = open.get();
        if (!episode.levelOfCare.equals(plan.levelOfCare)) {
            Optional<LevelOfCareTransition> last = lastTransition(episode);
            if (last.isPresent()) {
                throw ProblemException.ruleViolation("levelOfCare", "The patient's episode of care is at level " + episode.levelOfCare
                        + " since " + last.get().effectiveOn + ": plan at that level, or record a level change first"
                        + " (POST /api/v1/episodes/" + episode.id + "/level-changes)");
            }
            episode.levelOfCare = plan.levelOfCare;
            episode.updatedAt = now();
            events.publish(EventTypes.EPISODE_UPDATED, episode);
        }
        return episode.id;
    }

    EpisodeOfCare open(UUID patientId, LocalDate admittedOn, String source, String levelOfCare) {
        EpisodeOfCare episode = new EpisodeOfCare();
        episode.id = UUID.randomUUID();
        episode.patientId = patientId;
        episode.status = EpisodeOfCare.OPEN;
        episode.admittedOn = admittedOn;
        episode.admissionSource = source;
        episode.levelOfCare = levelOfCare;
        episode.createdAt = now();
        episode.updatedAt = episode.createdAt;
        episode.persist();
        events.publish(EventTypes.EPISODE_OPENED, episode);
        return episode;
    }

    private void close(EpisodeOfCare episode, PatientState patient) {
        if (patient.admissionDate() != null) {
            episode.admittedOn = patient.admissionDate();
            episode.admissionSource = EpisodeOfCare.FROM_ADMISSION;
        }
        episode.status = EpisodeOfCare.CLOSED;
        episode.dischargedOn = patient.dischargedOn() != null ? patient.dischargedOn() : config.today();
        episode.dischargeReasonCode = patient.dischargeReasonCode() != null ? patient.dischargeReasonCode() : DischargeReason.OTHER.name();
        episode.updatedAt = now();
        events.publish(EventTypes.EPISODE_CLOSED, episode);
    }

    static Optional<LevelOfCareTransition> lastTransition(EpisodeOfCare episode) {
        return LevelOfCareTransition.find("episodeId = ?1 order by effectiveOn desc, recordedAt desc, id desc", episode.id)
                .firstResultOptional();
    }

    private void lockPatient(UUID patientId) {
        em.createNativeQuery("select patient_id from known_patient where patient_id = ?1 for update")
                .setParameter(1, patientId).getResultList();
    }

    private static String level(String levelOfCare) {
        return LevelsOfCare.rank(levelOfCare) >= 0 ? levelOfCare : DEFAULT_LEVEL;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
