package care.iop.plan.discharge.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.plan.discharge.domain.DischargeSummary;
import care.iop.plan.discharge.domain.InstrumentScores;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.episode.domain.EpisodeOfCare;
import care.iop.plan.outcomes.domain.Assessment;
import care.iop.plan.readmodel.KnownPatient;
import care.iop.platform.time.ProgramTime;

/**
 * Fills what a discharge summary states from the records (never what a clinician writes): the episode of care it closes,
 * the level of care at discharge, the admission date, the scores at admission and discharge ({@link DischargeScores}), the
 * plan and its objectives ({@link PlanAtDischarge}), the clinician it is assigned to (the plan's primary clinician) and its
 * due time (end of the discharge day + {@code iop.discharge.summary-due}, program time). Called on every change of a draft,
 * so an assessment taken after the draft was started still counts; a signed summary is never refilled.
 */
@ApplicationScoped
public class SummaryPrefill {

    @Inject
    ProgramTime time;

    @Inject
    DischargeConfig config;

    @Inject
    PlanAtDischarge plans;

    @Inject
    SummaryDocuments documents;

    /** The episode a discharge on {@code dischargedOn} closed (or will close: the open one), if any. */
    public Optional<EpisodeOfCare> episode(UUID patientId, LocalDate dischargedOn) {
        if (dischargedOn != null) {
            Optional<EpisodeOfCare> closed = EpisodeOfCare.<EpisodeOfCare>find(
                    "patientId = ?1 and status = ?2 and dischargedOn = ?3 order by admittedOn desc, createdAt desc", patientId,
                    EpisodeOfCare.CLOSED, dischargedOn).firstResultOptional();
            if (closed.isPresent()) {
                return closed;
            }
        }
        return EpisodeOfCare.find("patientId = ?1 and status = ?2", patientId, EpisodeOfCare.OPEN).firstResultOptional();
    }

    /** Refills a draft's stated parts; {@code patientLevel} is the level the patient event (or read model) carries. */
    public void refresh(DischargeSummary summary, String patientLevel) {
        Optional<EpisodeOfCare> episode = episode(summary.patientId, summary.dischargedOn);
        episode.ifPresent(e -> summary.episodeId = e.id);
        Optional<CarePlan> plan = plans.of(summary.patientId, summary.episodeId);
        summary.planId = plan.map(p -> p.id).orElse(null);
        summary.levelOfCare = episode.map(e -> e.levelOfCare).or(() -> Optional.ofNullable(patientLevel))
                .or(() -> plan.map(p -> p.levelOfCare)).orElse(null);
        KnownPatient patient = KnownPatient.findById(summary.patientId);
        summary.admittedOn = episode.map(e -> e.admittedOn).or(() -> Optional.ofNullable(patient).map(p -> p.admissionDate))
                .or(() -> plan.map(p -> p.startDate)).orElse(null);
        summary.scores = documents.write(scores(summary.patientId, summary.admittedOn,
                summary.dischargedOn != null ? summary.dischargedOn : time.today()));
        summary.objectives = documents.write(plan.map(plans::objectives).orElse(List.of()));
        plan.ifPresent(p -> summary.assignedClinicianId = p.primaryClinicianId);
        OffsetDateTime due = summary.dischargedOn == null ? null : time.endOf(summary.dischargedOn.plus(config.summaryDue()));
        if (due == null || summary.dueAt == null || !due.isEqual(summary.dueAt)) { // the same instant stays as loaded (no needless update)
            summary.dueAt = due == null ? null : due.withOffsetSameInstant(ZoneOffset.UTC);
        }
    }

    /** What the records and the event state in a summary, to tell whether a refill changed anything. */
    static List<Object> stated(DischargeSummary s) {
        return Arrays.asList(s.reasonCode, s.dischargedOn, s.eventReasonCode, s.eventDischargedOn, s.episodeId, s.planId, s.levelOfCare,
                s.admittedOn, s.scores, s.objectives, s.assignedClinicianId, s.dueAt == null ? null : s.dueAt.toInstant());
    }

    private List<InstrumentScores> scores(UUID patientId, LocalDate admittedOn, LocalDate dischargedOn) {
        DischargeScores rules = new DischargeScores(time, config.dischargeScoreWindow());
        LocalDate first = rules.firstDay(admittedOn, dischargedOn);
        List<Assessment> assessments = Assessment.list("patientId = ?1 and takenAt >= ?2 and takenAt < ?3", patientId,
                time.endOf(first.minusDays(1)), time.endOf(dischargedOn));
        return rules.of(assessments, admittedOn, dischargedOn);
    }
}
