package care.iop.plan.discharge.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import care.iop.events.DischargeReason;
import care.iop.events.EventTypes;
import care.iop.events.PatientState;
import care.iop.plan.discharge.domain.DischargeSummary;
import care.iop.plan.discharge.domain.SummaryStatus;
import care.iop.plan.episode.domain.EpisodeOfCare;
import care.iop.plan.readmodel.KnownPatient;
import care.iop.platform.time.ProgramTime;

/**
 * What a patient.discharged event means for discharge summaries (called by the participant consumer beside the plans'
 * discharge, in its transaction):
 * <ul>
 * <li>no summary for this discharge yet: a DRAFT is created, pre-filled ({@link SummaryPrefill}) with the event's coded
 * reason (OTHER when it has none) and date, and assigned to the plan's primary clinician;</li>
 * <li>a clinician's draft exists: the event's reason, date and level overwrite the draft's and the stated parts are refilled;</li>
 * <li>the summary of this discharge is already signed: a disagreeing event is recorded on it ({@code mismatch*}, a metric and
 * a warning) and nothing is published or changed: the signed record stays as signed, and the disagreement is reconciled by
 * hand (docs/outcomes.md).</li>
 * </ul>
 * The same event again (a redelivery with another id) finds the summary it made and changes nothing.
 */
@ApplicationScoped
public class SummaryFromDischarge {
    /** Who created a summary the event drafted. */
    public static final String BY = "event:" + EventTypes.PATIENT_DISCHARGED;
    private static final Logger LOG = Logger.getLogger(SummaryFromDischarge.class);

    @Inject
    SummaryPrefill prefill;

    @Inject
    DischargeMetrics metrics;

    @Inject
    ProgramTime time;

    @Transactional(Transactional.TxType.MANDATORY)
    public void patientDischarged(PatientState patient) {
        UUID patientId = patient.patientId();
        KnownPatient.findById(patientId, LockModeType.PESSIMISTIC_WRITE); // serialises with a clinician starting a draft
        String reason = DischargeReason.ofCode(patient.dischargeReasonCode()).name();
        LocalDate on = patient.dischargedOn() != null ? patient.dischargedOn() : time.today();
        Optional<DischargeSummary> draft = DischargeSummary.draftOf(patientId);
        if (draft.isPresent()) {
            apply(draft.get(), reason, on, patient.levelOfCare());
            return;
        }
        Optional<DischargeSummary> existing = existing(patientId, on);
        if (existing.isPresent()) {
            disagreement(existing.get(), reason, on);
            return;
        }
        DischargeSummary summary = new DischargeSummary();
        summary.id = UUID.randomUUID();
        summary.patientId = patientId;
        summary.status = SummaryStatus.DRAFT;
        summary.referrals = "[]";
        summary.createdBy = BY;
        summary.createdAt = now();
        apply(summary, reason, on, patient.levelOfCare());
        summary.persist();
        metrics.drafted("event");
    }

    /** The summary of this discharge: its episode's, or (without an episode) the one of the same discharge date. */
    private Optional<DischargeSummary> existing(UUID patientId, LocalDate on) {
        Optional<EpisodeOfCare> episode = prefill.episode(patientId, on);
        if (episode.isPresent()) {
            return DischargeSummary.find("episodeId", episode.get().id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        }
        return DischargeSummary.find("patientId = ?1 and episodeId is null and dischargedOn = ?2", patientId, on)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Sets the event's facts and refills; {@code updatedAt} moves only when something changed (a repeat leaves the version). */
    private void apply(DischargeSummary summary, String reason, LocalDate on, String level) {
        List<Object> before = SummaryPrefill.stated(summary);
        summary.reasonCode = reason;
        summary.dischargedOn = on;
        summary.eventReasonCode = reason;
        summary.eventDischargedOn = on;
        prefill.refresh(summary, level);
        if (!before.equals(SummaryPrefill.stated(summary))) {
            summary.updatedAt = now();
        }
    }

    private void disagreement(DischargeSummary signed, String reason, LocalDate on) {
        if (reason.equals(signed.reasonCode) && on.equals(signed.dischargedOn)) {
            return;
        }
        if (Objects.equals(reason, signed.mismatchReasonCode) && Objects.equals(on, signed.mismatchDischargedOn)) {
            return;
        }
        signed.mismatchReasonCode = reason;
        signed.mismatchDischargedOn = on;
        signed.mismatchAt = now();
        metrics.mismatched();
        LOG.warnf("Discharge event of patient %s (%s on %s) disagrees with signed discharge summary %s (%s on %s): recorded, not applied",
                signed.patientId, reason, on, signed.id, signed.reasonCode, signed.dischargedOn);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
