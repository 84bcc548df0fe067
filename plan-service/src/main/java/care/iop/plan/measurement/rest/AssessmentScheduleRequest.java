package care.iop.plan.measurement.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.measurement.domain.InstrumentSchedule;

/** Body of {@code PUT /api/v1/plans/{planId}/assessment-schedule}: only the instruments the plan sets itself. */
@Schema(description = "The instruments the plan schedules itself; the ones not listed follow the defaults (an empty list: all defaults)")
public record AssessmentScheduleRequest(@NotNull @Valid List<@NotNull @Valid ScheduleEntryDto> entries) {

    List<InstrumentSchedule> toDomain() {
        return entries.stream().map(ScheduleEntryDto::toDomain).toList();
    }
}
