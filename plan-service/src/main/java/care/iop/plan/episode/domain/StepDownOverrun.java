package care.iop.plan.episode.domain;

import java.time.LocalDate;

/**
 * A plan still below its level's minimum after its step-down tolerance: stepping down since {@code since}, tolerated until
 * the day before {@code toleranceEnd}; on {@code day} (in the week asked about) it plans {@code plannedHours} against the
 * {@code minimumHours} of {@code levelOfCare}.
 */
public record StepDownOverrun(LocalDate since, LocalDate toleranceEnd, LocalDate day, double plannedHours, double minimumHours,
                              String levelOfCare) {
}
