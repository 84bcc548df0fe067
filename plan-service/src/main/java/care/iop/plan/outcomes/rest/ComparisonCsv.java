package care.iop.plan.outcomes.rest;

import java.util.StringJoiner;

import care.iop.plan.outcomes.service.ModalityComparison;

/** The comparison table as RFC 4180 CSV, one row per bucket; a suppressed bucket leaves its figures empty. */
final class ComparisonCsv {
    static final String HEADER = "bucket,suppressed,n,mean_baseline,mean_latest,mean_change,change_ci95_lower,"
            + "change_ci95_upper,response_rate,remission_rate,attendance_rate,median_weeks_in_program";

    private ComparisonCsv() {
    }

    static String of(ModalityComparison comparison) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (ModalityComparison.BucketOutcome b : comparison.buckets()) {
            StringJoiner row = new StringJoiner(",");
            row.add(b.bucket().name()).add(String.valueOf(b.suppressed())).add(text(b.n())).add(text(b.meanBaseline()))
                    .add(text(b.meanLatest())).add(text(b.meanChange())).add(text(b.changeCi95Lower()))
                    .add(text(b.changeCi95Upper())).add(text(b.responseRate())).add(text(b.remissionRate()))
                    .add(text(b.attendanceRate())).add(text(b.medianWeeksInProgram()));
            csv.append(row).append("\r\n");
        }
        return csv.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
