package care.iop.plan.discharge.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import care.iop.events.DischargeReason;
import care.iop.plan.discharge.domain.DischargeSummary;
import care.iop.plan.discharge.domain.SummaryStatus;
import care.iop.plan.episode.domain.EpisodeOfCare;
import care.iop.plan.readmodel.KnownPatient;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.consistency.AggregateVersion;
import care.iop.platform.consistency.ReadModelBehindException;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.web.ETags;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;
import io.quarkus.panache.common.Sort;

/**
 * A patient's discharge summary through the API: read (staff; the patient its own signed one), started by a clinician
 * before the discharge event, edited while a draft, signed by a clinician (then locked: 409 on any change), and listed by
 * assigned clinician and status. Signing requires the patient to be discharged in plan-service's read model with the same
 * coded reason and date as the summary (422 naming {@code reason} or {@code dischargedOn}). Every read and change is audited.
 */
@ApplicationScoped
public class DischargeSummaryService {
    public static final String RESOURCE = "DischargeSummary";

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    SummaryPrefill prefill;

    @Inject
    SummaryDocuments documents;

    @Inject
    SummaryEvents events;

    @Inject
    DischargeMetrics metrics;

    /** The patient's draft, else its latest signed summary; a patient reads only its own signed one (else 404). */
    @Transactional
    public DischargeSummary get(UUID patientId) {
        user.requireAccessToPatient(patientId, RESOURCE, patientId);
        DischargeSummary summary = (user.isPatientOnly()
                ? DischargeSummary.<DischargeSummary>find("patientId = ?1 and status = ?2 order by signedAt desc, id", patientId,
                        SummaryStatus.SIGNED).firstResultOptional()
                : DischargeSummary.currentOf(patientId)).orElseThrow(() -> ProblemException.notFound(RESOURCE, patientId));
        audit.success(AuditAction.READ, RESOURCE, summary.id, patientId);
        return summary;
    }

    /** Starts a draft before (or without) the discharge event: 409 when the patient has a draft or this discharge a summary. */
    @Transactional
    public DischargeSummary start(UUID patientId, SummaryDraft draft) {
        KnownPatient patient = KnownPatient.findById(patientId, LockModeType.PESSIMISTIC_WRITE);
        if (patient == null) {
            throw ReadModelBehindException.unknown("patientId", AggregateVersion.PATIENT, patientId);
        }
        if (DischargeSummary.draftOf(patientId).isPresent()) {
            throw ProblemException.conflict("Patient " + patientId + " already has a draft discharge summary: edit it with PUT");
        }
        DischargeSummary summary = new DischargeSummary();
        summary.id = UUID.randomUUID();
        summary.patientId = patientId;
        summary.status = SummaryStatus.DRAFT;
        if (patient.isDischarged()) { // discharged before: the read model holds what the event said
            summary.eventReasonCode = DischargeReason.ofCode(patient.dischargeReasonCode).name();
            summary.eventDischargedOn = patient.dischargedOn;
            summary.reasonCode = summary.eventReasonCode;
            summary.dischargedOn = summary.eventDischargedOn;
        }
        edit(summary, draft);
        Optional<EpisodeOfCare> episode = prefill.episode(patientId, summary.dischargedOn);
        if (episode.isPresent() && DischargeSummary.count("episodeId", episode.get().id) > 0) {
            throw ProblemException.conflict("The discharge of episode " + episode.get().id + " already has a signed summary");
        }
        summary.createdBy = user.subject();
        summary.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        refresh(summary, patient);
        if (summary.assignedClinicianId == null) {
            summary.assignedClinicianId = user.clinicianId().orElse(null);
        }
        summary.persist();
        audit.success(AuditAction.CREATE, RESOURCE, summary.id, patientId);
        metrics.drafted("clinician");
        return summary;
    }

    /** Edits the draft (If-Match required: 428/412); a signed summary is locked (409). */
    @Transactional
    public DischargeSummary update(UUID patientId, String ifMatch, SummaryDraft draft) {
        DischargeSummary summary = draftForChange(patientId);
        ETags.requireMatch(ifMatch, summary.version);
        edit(summary, draft);
        refresh(summary, KnownPatient.findById(patientId));
        audit.success(AuditAction.UPDATE, RESOURCE, summary.id, patientId);
        return summary;
    }

    /**
     * Signs the draft as the calling clinician (the token subject; If-Match optional). 422 naming {@code dischargedOn} while the
     * patient is not discharged, naming {@code reason} or {@code dischargedOn} when they differ from the discharge's.
     */
    @Transactional
    public DischargeSummary sign(UUID patientId, String ifMatch) {
        DischargeSummary summary = draftForChange(patientId);
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireMatch(ifMatch, summary.version);
        }
        KnownPatient patient = KnownPatient.findById(patientId);
        if (patient == null || !patient.isDischarged()) {
            throw ProblemException.ruleViolation("dischargedOn", "The patient is not discharged yet: discharge it in participant-service"
                    + " (POST /api/v1/patients/" + patientId + "/discharge) before signing its discharge summary");
        }
        String reason = DischargeReason.ofCode(patient.dischargeReasonCode).name();
        if (!reason.equals(summary.reasonCode)) {
            throw ProblemException.ruleViolation("reason", "The patient was discharged with reason " + reason + ", the summary says "
                    + summary.reasonCode + ": make them agree (PUT the summary, or correct the discharge in participant-service)");
        }
        if (!patient.dischargedOn.equals(summary.dischargedOn)) {
            throw ProblemException.ruleViolation("dischargedOn", "The patient was discharged on " + patient.dischargedOn
                    + ", the summary says " + summary.dischargedOn);
        }
        summary.status = SummaryStatus.SIGNED;
        summary.signedBy = user.subject();
        summary.signerClinicianId = user.clinicianId().orElse(null);
        summary.signedAt = OffsetDateTime.now(ZoneOffset.UTC);
        summary.updatedAt = summary.signedAt;
        events.signed(summary);
        audit.success(AuditAction.UPDATE, RESOURCE, summary.id, patientId);
        metrics.signed();
        return summary;
    }

    /** Summaries by assigned clinician and status (both optional), the earliest due first; each listed patient is audited. */
    @Transactional
    public Page<DischargeSummary> list(UUID assignedClinicianId, SummaryStatus status, PageQuery page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (assignedClinicianId != null) {
            query.append(" and assignedClinicianId = :clinician");
            params.put("clinician", assignedClinicianId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        var found = DischargeSummary.<DischargeSummary>find(query.toString(),
                Sort.by("dueAt", Sort.NullPrecedence.NULLS_LAST).and("createdAt").and("id"), params).page(page.page, page.size);
        List<DischargeSummary> items = found.list();
        audit.success(AuditAction.SEARCH, RESOURCE, null, items.stream().map(s -> s.patientId).toList());
        return Page.of(items, page, found.count());
    }

    private DischargeSummary draftForChange(UUID patientId) {
        Optional<DischargeSummary> draft = DischargeSummary.draftOf(patientId);
        if (draft.isPresent()) {
            return draft.get();
        }
        DischargeSummary current = DischargeSummary.currentOf(patientId).orElseThrow(() -> ProblemException.notFound(RESOURCE, patientId));
        throw ProblemException.conflict("The discharge summary " + current.id + " was signed by " + current.signedBy + " at "
                + current.signedAt + " and is locked");
    }

    private void edit(DischargeSummary summary, SummaryDraft draft) {
        if (draft.reason() != null) {
            summary.reasonCode = draft.reason();
        }
        if (draft.dischargedOn() != null) {
            summary.dischargedOn = draft.dischargedOn();
        }
        summary.aftercarePlan = draft.aftercarePlan() == null || draft.aftercarePlan().isBlank() ? null : draft.aftercarePlan().strip();
        summary.referrals = documents.write(draft.referrals());
        summary.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private void refresh(DischargeSummary summary, KnownPatient patient) {
        prefill.refresh(summary, patient == null ? null : patient.levelOfCare);
    }
}
