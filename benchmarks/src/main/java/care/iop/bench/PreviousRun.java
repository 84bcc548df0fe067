package care.iop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the report this run replaces said: its date, commit and JDK, and the measured value of each scenario in its
 * "Targets vs measured" table, so the new report shows the previous full run beside its own numbers.
 */
record PreviousRun(String date, String commit, String jdk, Map<String, String> measured) {

    /** The run described by {@code report}, if it is a report of this suite. */
    static Optional<PreviousRun> of(Path report) throws IOException {
        if (!Files.isRegularFile(report)) {
            return Optional.empty();
        }
        return parse(Files.readAllLines(report));
    }

    static Optional<PreviousRun> parse(List<String> lines) {
        String date = null;
        String commit = null;
        String jdk = null;
        Map<String, String> measured = new LinkedHashMap<>();
        boolean targets = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                targets = line.equals("## Targets vs measured");
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() == 2) {
                switch (cells.get(0)) {
                    case "date (UTC)" -> date = cells.get(1);
                    case "commit" -> commit = cells.get(1).replace("`", "");
                    case "JDK" -> jdk = cells.get(1);
                    default -> {
                    }
                }
            } else if (targets && cells.size() == 5 && cells.get(0).matches("[a-z]")) {
                measured.put(cells.get(0), cells.get(3));
            }
        }
        return date == null || commit == null || measured.isEmpty() ? Optional.empty()
                : Optional.of(new PreviousRun(date, commit, jdk == null ? "not stated" : jdk, measured));
    }

    /** The cells of a Markdown table row, trimmed; empty for any other line. */
    private static List<String> cells(String line) {
        String row = line.strip();
        if (!row.startsWith("|") || !row.endsWith("|") || row.length() < 2) {
            return List.of();
        }
        return Arrays.stream(row.substring(1, row.length() - 1).split("\\|", -1)).map(String::strip).toList();
    }

    /** The previous measurement of scenario {@code id}, or a dash when that run had no such scenario. */
    String measuredOf(String id) {
        return measured.getOrDefault(id, "- (not in that run)");
    }
}
