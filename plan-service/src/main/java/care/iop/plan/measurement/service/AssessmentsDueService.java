package care.iop.plan.measurement.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import care.iop.plan.measurement.domain.AssessmentDue;
import care.iop.plan.measurement.domain.DueStatus;
import care.iop.plan.measurement.service.AssessmentsDueFinder.Scope;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.time.ProgramTime;
import care.iop.platform.web.Page;
import care.iop.platform.worklist.WorklistAction;
import care.iop.platform.web.PageQuery;

/**
 * The due lists: one patient's (staff, or the patient itself), one clinician's patients' and the program's, as of today
 * in the program's time zone, listing ahead {@code iop.measurement.horizon-days}. Each list is audited as a SEARCH with
 * the patients in the answer.
 */
@ApplicationScoped
public class AssessmentsDueService {
    public static final String RESOURCE = "AssessmentDue";
    /** The call that records a due assessment. */
    public static final WorklistAction RECORD = WorklistAction.post("/api/v1/assessments");

    @Inject
    AssessmentsDueFinder finder;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    ProgramTime time;

    @Inject
    MeasurementConfig config;

    /** A patient token sees only its own (another patient's: 404, audited as denied). */
    @Transactional
    public List<AssessmentDue> forPatient(UUID patientId) {
        user.requireAccessToPatient(patientId, "Patient", patientId);
        LocalDate today = time.today();
        List<AssessmentDue> due = finder.find(Scope.patient(patientId), today, today.plusDays(config.horizonDays()));
        audit.success(AuditAction.SEARCH, RESOURCE, null, patientId);
        return due;
    }

    /** The patients of one primary clinician, or of the whole program when {@code clinicianId} is null; {@code status} null: both. */
    @Transactional
    public Page<AssessmentDue> list(UUID clinicianId, DueStatus status, PageQuery page) {
        LocalDate today = time.today();
        List<AssessmentDue> all = finder.find(new Scope(null, clinicianId), today, today.plusDays(config.horizonDays())).stream()
                .filter(due -> status == null || status.matches(due)).toList();
        List<AssessmentDue> items = all.subList(Math.min(page.offset(), all.size()), Math.min(page.offset() + page.size, all.size()));
        audit.success(AuditAction.SEARCH, RESOURCE, clinicianId, items.stream().map(AssessmentDue::patientId).distinct().toList());
        return Page.of(List.copyOf(items), page, all.size());
    }
}
