package care.iop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * JDK Flight Recorder through {@code jcmd} (async-profiler is not available here): records a
 * running service during one extra run of a scenario, then summarises where its CPU samples fell.
 */
public final class Profiler {
    private final Path dir;

    public Profiler(Path dir) {
        this.dir = dir;
    }

    public Path start(String name, long pid) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name + "-" + pid + ".jfr");
        Files.deleteIfExists(file);
        jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file);
        return file;
    }

    public void stop(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=bench");
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(pid));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }

    /** A markdown summary: CPU samples by package of the top frame, hottest methods, our own hottest frames, GC pauses. */
    public static String summarize(String name, Path file) throws IOException {
        Map<String, Integer> byPackage = new HashMap<>();
        Map<String, Integer> byMethod = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        Duration gcPause = Duration.ZERO;
        int gcs = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.GarbageCollection")) {
                    gcs++;
                    gcPause = gcPause.plus(event.getDuration("sumOfPauses"));
                }
                if (!type.equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                RecordedFrame top = stack.getFrames().get(0);
                String typeName = top.getMethod().getType().getName();
                byPackage.merge(packageGroup(typeName), 1, Integer::sum);
                byMethod.merge(simple(typeName) + "." + top.getMethod().getName(), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : stack.getFrames()) {
                    String owner = frame.getMethod().getType().getName();
                    if (owner.startsWith("care.iop.") && !owner.contains("_Subclass") && !owner.contains("_ClientProxy")
                            && !owner.contains("$$Lambda") && !owner.contains("$quarkusrestinvoker$") && !owner.contains("/")) {
                        String method = simple(owner) + "." + frame.getMethod().getName();
                        if (seen.add(method)) {
                            ours.merge(method, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        int total = Math.max(1, samples);
        StringBuilder md = new StringBuilder();
        md.append(Scenario.fmt("JFR profile of **%s** during one extra run (`settings=profile`, %,d CPU samples; %d GCs, %d ms total pause); "
                + "recording: `%s`.%n%n", name, samples, gcs, gcPause.toMillis(), file.getFileName()));
        md.append("| CPU samples by package of the executing frame | share |\n| --- | --- |\n");
        top(byPackage, 8).forEach(e -> md.append(Scenario.fmt("| `%s` | %.0f %% |%n", e.getKey(), 100.0 * e.getValue() / total)));
        md.append("\n| hottest methods (self) | share |\n| --- | --- |\n");
        top(byMethod, 8).forEach(e -> md.append(Scenario.fmt("| `%s` | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / total)));
        if (!ours.isEmpty()) {
            md.append("\n| our code on the stack (inclusive) | share |\n| --- | --- |\n");
            top(ours, 6).forEach(e -> md.append(Scenario.fmt("| `%s` | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / total)));
        }
        return md.toString();
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n).toList();
    }

    private static String packageGroup(String typeName) {
        String[] parts = typeName.split("\\.");
        int keep = parts.length <= 2 ? parts.length - 1 : (parts[0].equals("java") || parts[0].equals("jdk") || parts[0].equals("sun") ? 2 : 3);
        StringBuilder group = new StringBuilder();
        for (int i = 0; i < Math.max(1, keep); i++) {
            if (i > 0) {
                group.append('.');
            }
            group.append(parts[i]);
        }
        return group.toString();
    }

    private static String simple(String typeName) {
        int dot = typeName.lastIndexOf('.');
        return dot < 0 ? typeName : typeName.substring(dot + 1);
    }
}
