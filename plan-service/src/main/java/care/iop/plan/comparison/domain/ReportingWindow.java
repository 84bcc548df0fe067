package care.iop.plan.comparison.domain;

import java.time.LocalDate;

/**
 * The admission window of a comparison, widened to whole reporting blocks of {@code blockMonths} calendar months (3:
 * quarters starting in January, April, July and October). Every window is a union of whole blocks, so two windows differ
 * by whole blocks only: the small-cell rule ({@link SmallCells}) checks each block, which is what keeps a subtraction of
 * two overlapping windows from singling out a patient. Either end may be open.
 */
public record ReportingWindow(LocalDate from, LocalDate to) {

    /** The window of whole blocks that contains {@code from} to {@code to}. */
    public static ReportingWindow of(LocalDate from, LocalDate to, int blockMonths) {
        return new ReportingWindow(from == null ? null : blockStart(from, blockMonths),
                to == null ? null : blockStart(to, blockMonths).plusMonths(blockMonths).minusDays(1));
    }

    /** The first day of the block {@code day} lies in. */
    public static LocalDate blockStart(LocalDate day, int blockMonths) {
        int monthIndex = (day.getMonthValue() - 1) / blockMonths * blockMonths;
        return LocalDate.of(day.getYear(), monthIndex + 1, 1);
    }

    public boolean contains(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }
}
