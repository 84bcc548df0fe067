package care.iop.gateway.fhir.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Which calls an export job makes: a Group's members, batched so the request target stays short, and the types by service. */
class ExportPartsTest {

    @Test
    void everyPatientIsOneCallWithoutFilterNoPatientsIsNoCallAndMembersGoFiftyToACall() {
        assertThat(ExportRun.batches(null)).containsExactly((List<String>) null);
        assertThat(ExportRun.batches(List.of())).isEmpty();
        List<String> fifty = IntStream.range(0, ExportRun.PATIENTS_PER_CALL).mapToObj(i -> "p" + i).toList();
        assertThat(ExportRun.batches(fifty)).containsExactly(fifty);
        List<String> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add("p50");
        assertThat(ExportRun.batches(fiftyOne)).containsExactly(fifty, List.of("p50"));
    }

    @Test
    void aGroupsMembersAreItsPatientReferencesOnceEach() {
        JsonObject group = new JsonObject().put("resourceType", "Group").put("member", new JsonArray()
                .add(member("Patient/a1"))
                .add(member("https://api.iop.example/fhir/R4/Patient/b2"))
                .add(member("Practitioner/c3"))
                .add(new JsonObject().put("entity", new JsonObject().put("display", "no reference")))
                .add(member("Patient/a1")));
        assertThat(ExportEndpoints.members(group)).containsExactly("a1", "b2");
        assertThat(ExportEndpoints.members(new JsonObject().put("resourceType", "Group"))).isEmpty();
    }

    @Test
    void typesGoToTheirOwnersInTableOrder() {
        assertThat(ExportEndpoints.byService(Arrays.asList("Observation", "Patient", "Encounter", "Goal")))
                .containsExactly(java.util.Map.entry("participant", List.of("Patient")), java.util.Map.entry("plan", List.of("Goal", "Observation")),
                        java.util.Map.entry("session", List.of("Encounter")));
    }

    private static JsonObject member(String reference) {
        return new JsonObject().put("entity", new JsonObject().put("reference", reference));
    }
}
