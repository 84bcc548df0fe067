package care.iop.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which options a component's JVM gets: record while there is no archive for its build, map the archive
 * once a complete recording was kept; the kind of archive follows this JVM (AOT cache from JDK 25 on).
 */
class ClassDataArchivesTest {
    private static final boolean AOT = Runtime.version().feature() >= 25;
    private static final Component PLAN = Component.SERVICES.get(1);

    @TempDir
    Path home;

    private Path dir;
    private ClassDataArchives archives;

    @BeforeEach
    void build() throws Exception {
        Files.createDirectories(PLAN.runnerJar(home).getParent());
        Files.writeString(PLAN.runnerJar(home), "build 1");
        dir = home.resolve(".iop/cds");
        archives = new ClassDataArchives(dir);
    }

    @Test
    void recordsFirstThenMapsTheKeptArchive() throws Exception {
        List<String> first = archives.options(PLAN, home);
        String record = AOT ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
        assertThat(first.get(0)).startsWith(record).endsWith(".recording");
        assertThat(archives.complete(List.of(PLAN), home)).isFalse();

        Path recording = pathOf(first.get(0));
        Files.writeString(recording, "classes");
        archives.keep(PLAN, home);

        assertThat(archives.complete(List.of(PLAN), home)).isTrue();
        List<String> next = archives.options(PLAN, home);
        String map = AOT ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        assertThat(next.get(0)).startsWith(map).endsWith(AOT ? ".aot" : ".jsa");
        assertThat(Files.readString(pathOf(next.get(0)))).isEqualTo("classes");
        assertThat(recording).doesNotExist();
    }

    @Test
    void anEmptyRecordingIsNotKept() throws Exception {
        Files.createFile(pathOf(archives.options(PLAN, home).get(0)));

        archives.keep(PLAN, home);

        assertThat(archives.complete(List.of(PLAN), home)).isFalse();
    }

    @Test
    void aRebuildRecordsAgainAndDropsTheOldArchiveOnceTheNewOneIsKept() throws Exception {
        Files.writeString(pathOf(archives.options(PLAN, home).get(0)), "build 1 classes");
        archives.keep(PLAN, home);

        Files.writeString(PLAN.runnerJar(home), "build 2, another size");
        assertThat(archives.complete(List.of(PLAN), home)).isFalse();
        String again = archives.options(PLAN, home).get(0);
        assertThat(again).contains(".recording");
        Files.writeString(pathOf(again), "build 2 classes");
        archives.keep(PLAN, home);

        try (Stream<Path> files = Files.list(dir)) {
            List<Path> left = files.toList();
            assertThat(left).hasSize(1);
            assertThat(Files.readString(left.get(0))).isEqualTo("build 2 classes");
        }
    }

    /** The file an option like {@code -XX:SharedArchiveFile=<path>} names. */
    private static Path pathOf(String option) {
        return Path.of(option.substring(option.indexOf('=') + 1));
    }
}
