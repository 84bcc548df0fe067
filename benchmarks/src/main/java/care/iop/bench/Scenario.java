package care.iop.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** What one scenario measured, ready for the report: its runs, the quoted (median) run, its target and verdict. */
public final class Scenario {
    public final String id;
    public final String title;
    public final String target;
    public final List<String> header = new ArrayList<>();
    public final List<List<String>> rows = new ArrayList<>();
    public final List<String> notes = new ArrayList<>();
    public final List<LoadResult> chart = new ArrayList<>();
    public String chartFile;
    public String chartTitle;
    /** null: nothing to pass or miss (reported only). */
    public Boolean pass;
    public String measured = "";
    /** Processes to profile and how to run the scenario once more when the target is missed. */
    public List<String> profileProcesses = List.of();
    public Runnable rerun;
    public String profile;

    public Scenario(String id, String title, String target) {
        this.id = id;
        this.title = title;
        this.target = target;
    }

    public static final List<String> LOAD_HEADER = List.of("run", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms",
            "p99.9 ms", "max ms");

    /** The median run of a list: sorted by the key, the middle one (the lower middle for an even count). */
    public static <T> T median(List<T> runs, Comparator<T> by) {
        List<T> sorted = new ArrayList<>(runs);
        sorted.sort(by);
        return sorted.get((sorted.size() - 1) / 2);
    }

    public static LoadResult medianByThroughput(List<LoadResult> runs) {
        return median(runs, Comparator.comparingDouble(LoadResult::throughput));
    }

    public static LoadResult medianByP99(List<LoadResult> runs) {
        return median(runs, Comparator.comparingDouble(r -> r.p(99)));
    }

    /** One table row per run, the quoted one marked; {@code label} names the series when a table holds several. */
    public void loadRows(String label, List<LoadResult> runs, LoadResult quoted) {
        if (header.isEmpty()) {
            header.addAll(LOAD_HEADER);
        }
        for (int i = 0; i < runs.size(); i++) {
            LoadResult r = runs.get(i);
            rows.add(List.of((r == quoted ? "**" + label + (i + 1) + " (median)**" : label + (i + 1)), fmt("%,d", r.requests()),
                    fmt("%,d", r.errors()), fmt("%,.0f", r.throughput()), ms(r.p(50)), ms(r.p(95)), ms(r.p(99)), ms(r.p(99.9)),
                    ms(r.latencyMicros().getMaxValue() / 1000.0)));
        }
    }

    public static String ms(double value) {
        return value < 10 ? fmt("%.2f", value) : value < 100 ? fmt("%.1f", value) : fmt("%.0f", value);
    }

    public static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
