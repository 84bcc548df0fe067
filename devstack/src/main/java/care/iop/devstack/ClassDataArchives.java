package care.iop.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Application class-data sharing (AppCDS) for the stack's Quarkus JVMs. The first run of a build
 * records every class it loaded into an archive when it is stopped; later starts map that archive
 * instead of reading, parsing and verifying the same classes again, which cuts the time to healthy
 * by about 40 % on a 2-core machine (docs/benchmarks.md, f).
 * <p>
 * On a JDK 25 or later the archive is an ahead-of-time cache (JEP 483, 514, 515: {@code -XX:AOTCacheOutput}
 * when stopped, {@code -XX:AOTCache} when started): besides the parsed classes it holds them loaded and
 * linked, the resolved lambdas and the method profiles of the recorded run, so a start needs less work of
 * the class loader and the JIT (docs/performance-log.md). On JDK 17 to 24 it is a dynamic CDS archive.
 * <p>
 * An archive belongs to one runner jar (size and modification time) and one JVM: a rebuild or
 * another JDK records a new one and the old one is deleted. A JVM killed while recording leaves no
 * archive (it writes to a temporary file that is kept only after a requested, complete stop), and
 * a JVM that cannot use an archive simply starts without it.
 */
public final class ClassDataArchives {
    private static final String RECORDING = ".recording";
    /** The kind of archive this JVM makes: its options to record one, to map one, and its file name ending. */
    private enum Kind {
        /** JDK 17 to 24: a dynamic CDS archive. */
        CDS("-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=", ".jsa", "-Xlog:cds*=off"),
        /** JDK 25 on: an ahead-of-time cache, recorded in one step ({@code -XX:AOTCacheOutput}, JEP 514). */
        AOT("-XX:AOTCacheOutput=", "-XX:AOTCache=", ".aot", "-Xlog:cds*=off,aot*=off");

        final String record;
        final String map;
        final String extension;
        /** CDS reports every class it cannot archive as a warning; none of them is actionable here. */
        final String quiet;

        Kind(String record, String map, String extension, String quiet) {
            this.record = record;
            this.map = map;
            this.extension = extension;
            this.quiet = quiet;
        }
    }

    /** The stack's JVMs are this JVM (LocalStack starts them from its {@code java.home}). */
    private static final Kind KIND = Runtime.version().feature() >= 25 ? Kind.AOT : Kind.CDS;

    private final Path dir;

    public ClassDataArchives(Path dir) {
        this.dir = dir;
    }

    /** The JVM options that start {@code component} with its archive, or record one if there is none yet. */
    public List<String> options(Component component, Path home) {
        Path archive = archive(component, home);
        if (Files.isRegularFile(archive)) {
            return List.of(KIND.map + archive, KIND.quiet);
        }
        LocalStack.checkWritable(dir);
        return List.of(KIND.record + recording(archive), KIND.quiet);
    }

    /** Whether every component of the stack has an archive for its current build. */
    public boolean complete(List<Component> components, Path home) {
        return components.stream().allMatch(c -> Files.isRegularFile(archive(c, home)));
    }

    /**
     * Keeps what a component's JVM recorded, once it exited after being asked to stop (the JVM writes
     * the archive on its way out), and deletes the component's archives of earlier builds.
     */
    public void keep(Component component, Path home) {
        Path archive = archive(component, home);
        Path recording = recording(archive);
        try {
            if (!Files.isRegularFile(recording) || Files.size(recording) == 0) {
                return;
            }
            Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path stale : files.filter(f -> f.getFileName().toString().startsWith(component.name() + "-") && !f.equals(archive)).toList()) {
                    Files.deleteIfExists(stale);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the class-data archive of " + component.name(), e);
        }
    }

    private Path archive(Component component, Path home) {
        Path jar = component.runnerJar(home);
        String build;
        try {
            build = Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            build = "unbuilt";
        }
        String jvm = System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
        return dir.resolve(component.name() + "-" + Integer.toHexString((build + "|" + jvm).hashCode()) + KIND.extension);
    }

    private static Path recording(Path archive) {
        return archive.resolveSibling(archive.getFileName() + RECORDING);
    }
}
