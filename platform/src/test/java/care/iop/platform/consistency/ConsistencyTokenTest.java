package care.iop.platform.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import care.iop.platform.problem.ProblemException;
import care.iop.problems.ProblemType;

/** The Consistency-Token header: what writes answer, what requests send back. */
class ConsistencyTokenTest {
    private static final UUID PATIENT = UUID.fromString("5b1f8a4e-3c2d-4e55-9a0b-7d8e6f1a2b3c");
    private static final UUID PLAN = UUID.fromString("3f9a1c2e-7b6d-4e5f-8a9b-0c1d2e3f4a5b");

    @Test
    void formatsAndParsesBackTheSameVersions() {
        List<AggregateVersion> written = List.of(new AggregateVersion("patient", PATIENT, 3), new AggregateVersion("plan", PLAN, 1));
        String header = ConsistencyToken.format(written);
        assertThat(header).isEqualTo("patient:" + PATIENT + "@3, plan:" + PLAN + "@1");
        assertThat(ConsistencyToken.parse(header)).containsExactlyElementsOf(written);
        assertThat(ConsistencyToken.parse(" patient:" + PATIENT + "@3 ,plan:" + PLAN.toString().toUpperCase() + "@1 ")).containsExactlyElementsOf(written);
    }

    @Test
    void anAggregateNamedTwiceKeepsItsHighestVersion() {
        assertThat(ConsistencyToken.parse("patient:" + PATIENT + "@1, patient:" + PATIENT + "@4, patient:" + PATIENT + "@2"))
                .containsExactly(new AggregateVersion("patient", PATIENT, 4));
        assertThat(ConsistencyToken.format(List.of(new AggregateVersion("plan", PLAN, 0), new AggregateVersion("plan", PLAN, 1))))
                .isEqualTo("plan:" + PLAN + "@1");
    }

    @Test
    void noHeaderNamesNothing() {
        assertThat(ConsistencyToken.parse(null)).isEmpty();
        assertThat(ConsistencyToken.parse("  ")).isEmpty();
    }

    @Test
    void aMalformedHeaderIs400NamingIt() {
        for (String bad : List.of("patient:" + PATIENT, "patient@3", ":" + PATIENT + "@3", "patient:not-a-uuid-at-all-xxxxxxxxxxxxxxxx@1",
                "patient:" + PATIENT + "@-1", "patient:" + PATIENT + "@3,", "Patient:" + PATIENT + "@3", "patient:" + PATIENT + "@99999999999999999999")) {
            assertThatThrownBy(() -> ConsistencyToken.parse(bad)).as(bad).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
                assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo(ConsistencyToken.HEADER));
            });
        }
    }

    @Test
    void atMost32AggregatesAreNamed() {
        String entries = IntStream.range(0, ConsistencyToken.MAX_ENTRIES + 1).mapToObj(i -> "patient:" + UUID.randomUUID() + "@" + i)
                .collect(Collectors.joining(","));
        assertThatThrownBy(() -> ConsistencyToken.parse(entries)).isInstanceOf(ProblemException.class).hasMessageContaining("more than 32");
        assertThat(ConsistencyToken.parse(entries.substring(entries.indexOf(',') + 1))).hasSize(ConsistencyToken.MAX_ENTRIES);
    }

    @Test
    void theProblemNamesTheAggregatesAndTheField() {
        ReadModelBehindException unknown = ReadModelBehindException.unknown("clinicianId", AggregateVersion.CLINICIAN, PLAN);
        assertThat(unknown.type()).isEqualTo(ProblemType.READ_MODEL_BEHIND);
        assertThat(unknown.type().status()).isEqualTo(503);
        assertThat(unknown.field()).isEqualTo("clinicianId");
        assertThat(unknown.behind()).containsExactly(AggregateVersion.known("clinician", PLAN));
        assertThat(unknown.getMessage()).startsWith("Clinician " + PLAN + " is not known here yet").contains("not a broken rule");
        ReadModelBehindException waited = ReadModelBehindException.afterWaiting(ConsistencyToken.HEADER,
                List.of(new AggregateVersion("patient", PATIENT, 3), new AggregateVersion("plan", PLAN, 1)));
        assertThat(waited.getMessage()).startsWith("Patient " + PATIENT + " version 3, Plan " + PLAN + " version 1 are not known here yet")
                .contains("within the wait");
        assertThat(ProblemType.forStatus(503)).as("a bare 503 stays service-unavailable").isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
    }
}
