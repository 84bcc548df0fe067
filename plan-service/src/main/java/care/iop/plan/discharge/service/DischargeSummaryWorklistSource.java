package care.iop.plan.discharge.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import care.iop.plan.discharge.domain.DischargeSummary;
import care.iop.plan.discharge.domain.SummaryStatus;
import care.iop.plan.worklist.service.WorklistSource;
import care.iop.platform.worklist.WorklistAction;
import care.iop.platform.worklist.WorklistItem;
import care.iop.platform.worklist.WorklistItemKind;

/**
 * Discharge summaries on a clinician's worklist: the DRAFT summaries assigned to the clinician and due by the horizon (or
 * overdue: from the due instant on). The action is the signature once the discharge event has arrived, else the edit (a draft
 * started before the discharge, with a planned date). One indexed query ({@code discharge_summary_assigned}); no audit here.
 */
@ApplicationScoped
public class DischargeSummaryWorklistSource implements WorklistSource {
    static final String RESOURCE_TYPE = "DischargeSummary";

    @Override
    public List<WorklistItem> itemsFor(UUID clinicianId, OffsetDateTime now, OffsetDateTime horizon) {
        List<DischargeSummary> drafts = DischargeSummary.list("assignedClinicianId = ?1 and status = ?2 and dueAt <= ?3 order by dueAt, id",
                clinicianId, SummaryStatus.DRAFT, horizon);
        return drafts.stream().map(s -> item(s, now)).toList();
    }

    static WorklistItem item(DischargeSummary s, OffsetDateTime now) {
        String href = "/api/v1/patients/" + s.patientId + "/discharge-summary";
        boolean toSign = s.dischargeKnown();
        return new WorklistItem(WorklistItemKind.DISCHARGE_SUMMARY, toSign ? "Discharge summary to sign" : "Discharge summary to complete",
                s.patientId, RESOURCE_TYPE, s.id, s.dueAt, !now.isBefore(s.dueAt),
                toSign ? WorklistAction.post(href + "/signature") : WorklistAction.put(href));
    }
}
