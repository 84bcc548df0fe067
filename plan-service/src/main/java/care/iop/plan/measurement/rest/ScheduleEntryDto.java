package care.iop.plan.measurement.rest;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.measurement.domain.InstrumentSchedule;
import care.iop.plan.measurement.domain.ScheduleRule;
import care.iop.plan.outcomes.domain.Instrument;

/** One entry of a schedule PUT; the service checks it (the problems name {@code entries[i].<field>}). */
@Schema(description = "How the plan schedules one instrument")
public record ScheduleEntryDto(
        @NotNull @Schema(example = "PHQ9", description = "PHQ9, GAD7, AUDIT or DAST10") Instrument instrument,
        @NotNull @Schema(example = "EVERY_DAYS", description = "EVERY_DAYS (intake, then every everyDays days from admission; PHQ9 and"
                + " GAD7 only), INTAKE_AND_DISCHARGE (at admission and at the plan's end date) or NOT_SCHEDULED") ScheduleRule rule,
        @Schema(example = "14", minimum = "7", maximum = "14", description = "Required with EVERY_DAYS (7 to 14: every 1 to 2 weeks), absent otherwise")
        Integer everyDays) {

    InstrumentSchedule toDomain() {
        return new InstrumentSchedule(instrument, rule, everyDays);
    }
}
