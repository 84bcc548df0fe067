package care.iop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The previous report's run and measurements are read back so the new report can show them beside its own. */
class PreviousRunTest {

    @Test
    void readsTheRunAndTheMeasuredColumnOfTheTargetsTable() {
        List<String> report = List.of(
                "# Benchmarks", "", "## This run", "", "| | |", "| --- | --- |",
                "| date (UTC) | 2026-11-27 21:17 |",
                "| commit | `5b70288` |",
                "| JDK | OpenJDK 64-Bit Server VM 17.0.15 |",
                "", "## Targets vs measured", "",
                "| | scenario | target | measured (median run) | verdict |",
                "| --- | --- | --- | --- | --- |",
                "| a | GET /api/v1/plans/{id} | >= 3,000 req/s | 1,290 req/s, p99 51.6 ms (gateway) | **MISS** |",
                "| d | 200 concurrent bookings | p99 < 300 ms | p99 251 ms; exactly 12 BOOKED in every run | PASS |",
                "", "## a. GET /api/v1/plans/{id}", "",
                "| path | run | requests | errors | req/s |",
                "| gateway | 1 | 26,520 | 0 | 1,326 |");

        PreviousRun run = PreviousRun.parse(report).orElseThrow();

        assertThat(run.date()).isEqualTo("2026-11-27 21:17");
        assertThat(run.commit()).isEqualTo("5b70288");
        assertThat(run.jdk()).isEqualTo("OpenJDK 64-Bit Server VM 17.0.15");
        assertThat(run.measured()).containsOnlyKeys("a", "d");
        assertThat(run.measuredOf("a")).isEqualTo("1,290 req/s, p99 51.6 ms (gateway)");
        assertThat(run.measuredOf("k")).isEqualTo("- (not in that run)");
    }

    @Test
    void aFileThatIsNoReportOfTheSuiteGivesNothing() {
        assertThat(PreviousRun.parse(List.of("# Something else", "| a | b |"))).isEmpty();
        assertThat(PreviousRun.parse(List.of())).isEmpty();
    }
}
