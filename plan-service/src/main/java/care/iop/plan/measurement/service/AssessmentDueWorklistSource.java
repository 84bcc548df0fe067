package care.iop.plan.measurement.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.plan.measurement.domain.AssessmentDue;
import care.iop.plan.measurement.service.AssessmentsDueFinder.Scope;
import care.iop.plan.worklist.service.WorklistSource;
import care.iop.platform.time.ProgramTime;
import care.iop.platform.worklist.WorklistItem;
import care.iop.platform.worklist.WorklistItemKind;

/**
 * Assessments due of the clinician's patients (plans whose primary clinician it is) on the worklist: one
 * {@link WorklistItemKind#ASSESSMENT_DUE} per plan and instrument due up to the horizon or overdue, {@code dueAt} the
 * instant it becomes overdue (the end of its last on-time program day), acted on with {@code POST /api/v1/assessments}.
 */
@ApplicationScoped
public class AssessmentDueWorklistSource implements WorklistSource {
    @Inject
    AssessmentsDueFinder finder;

    @Inject
    ProgramTime time;

    @Override
    public List<WorklistItem> itemsFor(UUID clinicianId, OffsetDateTime now, OffsetDateTime horizon) {
        // the horizon is an instant (end of tomorrow): the last day listed is the one it closes
        return finder.find(Scope.clinician(clinicianId), time.dayOf(now), time.dayOf(horizon.minusNanos(1))).stream()
                .map(this::item).toList();
    }

    private WorklistItem item(AssessmentDue due) {
        String summary = due.instrument().displayName() + (due.overdue() ? " overdue (due " : " due (") + due.dueOn() + ")";
        return new WorklistItem(WorklistItemKind.ASSESSMENT_DUE, summary, due.patientId(), AssessmentScheduleService.RESOURCE,
                due.planId(), time.endOf(due.lastOnTimeDay()), due.overdue(), AssessmentsDueService.RECORD);
    }
}
