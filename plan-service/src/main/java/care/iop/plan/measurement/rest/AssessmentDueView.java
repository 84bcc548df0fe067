package care.iop.plan.measurement.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.measurement.domain.AssessmentDue;
import care.iop.plan.measurement.service.AssessmentsDueService;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.platform.worklist.WorklistAction;

/** One item of the due lists, with the call that records the assessment (what a front end links to). */
@Schema(description = "An assessment due (or overdue) for a patient's current plan, with the call that records it")
public record AssessmentDueView(UUID patientId, UUID planId, Instrument instrument,
        @Schema(description = "The day the assessment is due (program time zone)", example = "2026-12-14") LocalDate dueOn,
        @Schema(description = "The last day it is on time; overdue from the next (the due day itself, intake: 7 days after admission)",
                example = "2026-12-14") LocalDate lastOnTimeDay,
        @Schema(description = "True once the last on-time day has passed") boolean overdue,
        @Schema(description = "When the patient last took this instrument; absent if never") OffsetDateTime lastTakenAt,
        @Schema(description = "POST /api/v1/assessments records it") WorklistAction action) {

    static AssessmentDueView of(AssessmentDue due) {
        return new AssessmentDueView(due.patientId(), due.planId(), due.instrument(), due.dueOn(), due.lastOnTimeDay(), due.overdue(),
                due.lastTakenAt(), AssessmentsDueService.RECORD);
    }
}
