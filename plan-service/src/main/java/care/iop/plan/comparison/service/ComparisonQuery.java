package care.iop.plan.comparison.service;

import java.time.LocalDate;

import care.iop.plan.outcomes.domain.Instrument;

/**
 * What a caller asks the comparison (and the analysis export) for: the instrument, the admission window ({@code from},
 * {@code to}, both included, either open; widened to whole reporting blocks) and optionally one track.
 */
public record ComparisonQuery(Instrument instrument, LocalDate from, LocalDate to, String track) {
}
