package care.iop.plan.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The dose of one ISO week: planned, scheduled and attended hours by modality, and whether it meets the rules. */
@Schema(name = "DoseWeek")
public record DoseWeekView(@Schema(example = "2026-W49") String week, LocalDate weekStart, LocalDate weekEnd,
                           Hours planned, Hours scheduled, Hours attended,
                           double minimumHours, boolean meetsMinimum,
                           @Schema(description = "Days with at least 3 attended hours") int daysWithThreeHours,
                           @Schema(description = "At least 3 hours on at least 3 days (HCPCS H0015)") boolean meetsH0015Pattern) {

    @Schema(name = "Hours")
    public record Hours(double individual, double group, double family, double total) {
    }
}
