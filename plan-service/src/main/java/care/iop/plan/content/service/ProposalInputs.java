package care.iop.plan.content.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.plan.config.PlanConfig;
import care.iop.plan.config.ProposalConfig;
import care.iop.plan.outcomes.domain.Assessment;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.plan.readmodel.KnownPatient;
import care.iop.plan.service.ModalityProposer;
import care.iop.plan.service.PlanRules;
import io.quarkus.panache.common.Sort;

/** What the proposal looks at for a patient: the read model, the level's hours, open safety flags and the latest recent scores. */
@ApplicationScoped
public class ProposalInputs {

    @Inject
    PlanRules rules;

    @Inject
    PlanConfig planConfig;

    @Inject
    ProposalConfig config;

    public ModalityProposer.Input of(KnownPatient patient, String levelOfCare, LocalDate planStart, UUID clinicianId, List<String> objectiveIds) {
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minus(config.scoreMaxAge());
        int openFlags = (int) SafetyFlag.count("patientId = ?1 and status = ?2", patient.patientId, SafetyFlag.Status.OPEN);
        return new ModalityProposer.Input(patient.groupComfort, patient.preferredModality, patient.track, patient.isAdolescentOn(planStart),
                levelOfCare, rules.minimumHours(levelOfCare, patient, planStart), planConfig.maximumHours(levelOfCare).stream().boxed().findFirst().orElse(null), rules.hasGroupConsent(patient),
                openFlags, latest(patient.patientId, Instrument.PHQ9, since), latest(patient.patientId, Instrument.GAD7, since), clinicianId,
                objectiveIds);
    }

    private ModalityProposer.Score latest(UUID patientId, Instrument instrument, OffsetDateTime since) {
        Assessment latest = Assessment.find("patientId = ?1 and instrument = ?2 and takenAt >= ?3",
                Sort.descending("takenAt", "recordedAt"), patientId, instrument, since).firstResult();
        return latest == null ? null : new ModalityProposer.Score(latest.total, latest.band,
                latest.takenAt.atZoneSameInstant(ZoneId.of(planConfig.dose().zone())).toLocalDate());
    }
}
