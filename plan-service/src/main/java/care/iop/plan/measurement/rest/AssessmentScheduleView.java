package care.iop.plan.measurement.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.measurement.domain.EffectiveSchedule;
import care.iop.plan.measurement.domain.ScheduleRule;
import care.iop.plan.outcomes.domain.Instrument;

/** The schedule a plan follows as the API shows it: every instrument, marked as the plan's own or the default. */
@Schema(description = "The assessment schedule a plan follows, one entry per instrument")
public record AssessmentScheduleView(UUID planId,
        @Schema(description = "The ETag: 0 while the plan follows the defaults only", example = "1") long revision,
        List<Entry> entries) {

    /** Where an entry comes from: the plan's own, or the program default (iop.measurement.*). */
    public enum Source { PLAN, DEFAULT }

    @Schema(name = "AssessmentScheduleEntry", description = "One instrument's schedule")
    public record Entry(Instrument instrument, ScheduleRule rule,
            @Schema(description = "With EVERY_DAYS: the interval in days", example = "14") Integer everyDays,
            @Schema(description = "PLAN (set by a PUT) or DEFAULT") Source source) {
    }

    static AssessmentScheduleView of(UUID planId, EffectiveSchedule schedule) {
        return new AssessmentScheduleView(planId, schedule.revision(), schedule.entries().stream()
                .map(e -> new Entry(e.schedule().instrument(), e.schedule().rule(), e.schedule().everyDays(),
                        e.planOwn() ? Source.PLAN : Source.DEFAULT)).toList());
    }
}
