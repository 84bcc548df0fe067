package care.iop.gateway.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import care.iop.gateway.FhirStubs;
import care.iop.gateway.GatewayTestResources;
import care.iop.gateway.fhir.export.ExportJob;
import care.iop.gateway.fhir.export.ExportJobs;

/** Bulk Data 2.0 at the gateway against the stub services: kick-off, polling, manifest, files, cancel, expiry and every refusal. */
@QuarkusTest
class BulkExportTest {
    private static final Path EXPORT_DIR = Path.of("target/fhir-export");

    @ConfigProperty(name = GatewayTestResources.CONTROL_URL)
    String control;

    @ConfigProperty(name = "iop.gateway.fhir.export-max-jobs")
    int maxJobs;

    @Inject
    ExportJobs jobs;

    /** A started export: who started it, its status URL (path only) and the request id its kick-off carried. */
    record Started(String token, String status, String requestId) {
        String jobId() {
            return status.substring(status.lastIndexOf('/') + 1);
        }
    }

    private static Started kickOff(String token, String pathAndQuery) {
        String requestId = "export-" + UUID.randomUUID();
        String location = given().header("Authorization", token).header("Prefer", "respond-async").header("Accept", "application/fhir+json")
                .header("X-Request-Id", requestId).urlEncodingEnabled(false)
                .when().get(pathAndQuery)
                .then().statusCode(202)
                .contentType(startsWith("application/fhir+json"))
                .body("issue[0].severity", equalTo("information"))
                .header("Content-Location", matchesPattern("http://localhost:\\d+/fhir/R4/\\$export-status/[0-9a-f-]{36}"))
                .extract().header("Content-Location");
        return new Started(token, location.substring(location.indexOf("/fhir/R4")), requestId);
    }

    private static JsonPath manifest(Started export) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().header("Authorization", export.token()).get(export.status()).statusCode() != 202);
        return given().header("Authorization", export.token()).when().get(export.status())
                .then().statusCode(200).contentType(startsWith("application/json"))
                .header("Expires", org.hamcrest.Matchers.notNullValue())
                .body("requiresAccessToken", equalTo(true))
                .extract().jsonPath();
    }

    /** The output of a manifest as type -> count. */
    private static Map<String, Integer> outputs(JsonPath manifest) {
        Map<String, Integer> outputs = new LinkedHashMap<>();
        manifest.<Map<String, Object>>getList("output").forEach(o -> outputs.put((String) o.get("type"), (Integer) o.get("count")));
        return outputs;
    }

    private static List<String> download(Started export, String url) {
        String ndjson = given().header("Authorization", export.token()).urlEncodingEnabled(false).when().get(url.substring(url.indexOf("/fhir/R4")))
                .then().statusCode(200).contentType(startsWith("application/fhir+ndjson")).extract().asString();
        return ndjson.lines().toList();
    }

    private List<Map<String, Object>> partsAsked(String service, Started export) {
        return given().get(control + "/" + service + "/received").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream()
                .filter(r -> export.requestId().equals(r.get("requestId")) && "/fhir/R4/$export-part".equals(r.get("path"))).toList();
    }

    @Test
    void everyPatientFromEveryServiceKickOffPollManifestAndFilesForTheOwnerOnly() {
        Instant before = Instant.now();
        Started export = kickOff(FhirCallers.backend("system/*.rs"), "/fhir/R4/Patient/$export");
        JsonPath manifest = manifest(export);
        assertThat(Instant.parse(manifest.getString("transactionTime"))).isBetween(before, Instant.now());
        assertThat(manifest.getString("request")).matches("http://localhost:\\d+/fhir/R4/Patient/\\$export");
        assertThat(manifest.getList("error")).isEmpty();
        assertThat(outputs(manifest)).containsExactly(Map.entry("Appointment", 3), Map.entry("Consent", 3), Map.entry("Encounter", 3),
                Map.entry("Goal", 3), Map.entry("Observation", 6), Map.entry("Patient", 3));
        for (Map<String, Object> output : manifest.<Map<String, Object>>getList("output")) {
            List<String> lines = download(export, (String) output.get("url"));
            assertThat(lines).hasSize((Integer) output.get("count"));
            assertThat(lines).allSatisfy(line -> assertThat(new io.vertx.core.json.JsonObject(line).getString("resourceType")).isEqualTo(output.get("type")));
        }
        // each service streamed its own types once, with the caller's token, for every patient (no filter)
        Map<String, String> asked = Map.of("participant", "_type=Patient,Practitioner,PractitionerRole,Consent",
                "plan", "_type=CarePlan,Goal,QuestionnaireResponse,Observation,Flag", "session", "_type=Appointment,Slot,Schedule,Group,Encounter");
        asked.forEach((service, query) -> {
            List<Map<String, Object>> parts = partsAsked(service, export);
            assertThat(parts).as(service).hasSize(1);
            assertThat(parts.get(0)).containsEntry("query", query).containsEntry("authorization", export.token());
        });

        // another caller, even a backend with the same scopes, sees no such job; no token is 401
        String other = FhirCallers.backend("system/*.rs");
        String patientFile = manifest.getString("output.find { it.type == 'Patient' }.url");
        FhirRoutingTest.outcome(given().header("Authorization", other).when().get(export.status()), 404, "not-found");
        FhirRoutingTest.outcome(given().header("Authorization", other).urlEncodingEnabled(false)
                .when().get(patientFile.substring(patientFile.indexOf("/fhir/R4"))), 404, "not-found");
        FhirRoutingTest.outcome(given().header("Authorization", other).when().delete(export.status()), 404, "not-found");
        FhirRoutingTest.outcome(given().when().get(export.status()), 401, "login");
        FhirRoutingTest.outcome(given().header("Authorization", export.token()).when()
                .get("/fhir/R4/$export-file/" + export.jobId() + "/Medication.ndjson"), 404, "not-found");
        FhirRoutingTest.outcome(given().header("Authorization", export.token()).when()
                .get("/fhir/R4/$export-file/" + export.jobId() + "/..%2F..%2Fpom.xml"), 404, "not-found");
    }

    @Test
    void typeAndSinceChooseWhatIsExportedAndWhichServicesAreAsked() {
        Started export = kickOff(FhirCallers.backend("system/*.cruds"),
                "/fhir/R4/Patient/$export?_type=Patient,Observation&_since=2026-02-01T00:00:00Z&_outputFormat=application/fhir%2Bndjson");
        assertThat(outputs(manifest(export))).containsExactly(Map.entry("Observation", 6), Map.entry("Patient", 3));
        assertThat(partsAsked("participant", export)).extracting(p -> p.get("query")).containsExactly("_type=Patient&_since=2026-02-01T00%3A00%3A00Z");
        assertThat(partsAsked("plan", export)).extracting(p -> p.get("query")).containsExactly("_type=Observation&_since=2026-02-01T00%3A00%3A00Z");
        assertThat(partsAsked("session", export)).isEmpty();
    }

    @Test
    void onlySystemScopesExportAndOnlyTheTypesTheyRead() {
        Started onlyPatients = kickOff(FhirCallers.backend("system/Patient.rs user/*.rs"), "/fhir/R4/Patient/$export");
        assertThat(outputs(manifest(onlyPatients))).containsExactly(Map.entry("Patient", 3));
        assertThat(partsAsked("plan", onlyPatients)).isEmpty();

        String path = "/fhir/R4/Patient/$export";
        FhirRoutingTest.outcome(given().header("Authorization", FhirCallers.backend("system/Patient.rs")).header("Prefer", "respond-async")
                .when().get(path + "?_type=Patient,Observation"), 403, "forbidden")
                .body("issue[0].expression[0]", equalTo("_type"));
        for (String scopes : List.of("user/*.rs", "patient/*.rs", "system/Patient.cud")) {
            FhirRoutingTest.outcome(given().header("Authorization", FhirCallers.backend(scopes)).header("Prefer", "respond-async")
                    .when().get(path), 403, "forbidden");
        }
        // system/ scopes belong to backend services: a clinician's token carrying one does not export
        FhirRoutingTest.outcome(given().header("Authorization", FhirCallers.bearer("clinician", "system/*.rs")).header("Prefer", "respond-async")
                .when().get(path), 403, "forbidden");
        assertThat(outputs(manifest(kickOff(FhirCallers.bearer("admin", "system/Goal.rs"), path)))).containsExactly(Map.entry("Goal", 3));
        FhirRoutingTest.outcome(given().header("Authorization", care.iop.gateway.Callers.bearer("integration")).header("Prefer", "respond-async")
                .when().get("/fhir/R4/Group/" + FhirStubs.GROUP + "/$export"), 403, "forbidden");
    }

    @Test
    void badKickOffsAre400NamingWhatIsWrong() {
        String token = FhirCallers.backend("system/*.rs");
        FhirRoutingTest.outcome(given().header("Authorization", token).when().get("/fhir/R4/Patient/$export"), 400, "invalid")
                .body("issue[0].diagnostics", org.hamcrest.Matchers.containsString("Prefer: respond-async"));
        Map<String, List<String>> bad = Map.of(
                "_outputFormat=application/json", List.of("_outputFormat", "not-supported"),
                "_type=Medication", List.of("_type", "not-supported"),
                "_since=2026-02-01", List.of("_since", "invalid"),
                "_typeFilter=Observation%3Fcategory%3Dsurvey", List.of("_typeFilter", "not-supported"),
                "patient=Patient/1", List.of("patient", "not-supported"));
        bad.forEach((query, expected) -> FhirRoutingTest.outcome(given().header("Authorization", token).header("Prefer", "respond-async")
                .urlEncodingEnabled(false).when().get("/fhir/R4/Patient/$export?" + query), 400, expected.get(1))
                .body("issue[0].expression[0]", equalTo(expected.get(0))));
    }

    @Test
    void aKickOffBeyondTheJobsKeptIs429WithRetryAfterAndStartsNothing() {
        // as many jobs as the gateway keeps: the other tests' finished jobs (kept for their files) plus fillers that export nothing
        List<ExportJob> fillers = new ArrayList<>();
        try {
            while (jobs.size() < maxJobs) {
                fillers.add(jobs.start("filler-" + UUID.randomUUID(), new ExportJob.Request("http://localhost/fhir/R4/Patient/$export",
                        Map.of(), null, null, Map.of())).orElseThrow());
            }
            String token = FhirCallers.backend("system/*.rs");
            for (String path : List.of("/fhir/R4/Patient/$export", "/fhir/R4/Group/" + FhirStubs.GROUP + "/$export")) {
                FhirRoutingTest.outcome(given().header("Authorization", token).header("Prefer", "respond-async").when().get(path), 429, "throttled")
                        .header("Retry-After", "60")
                        .header("Content-Location", nullValue())
                        .body("issue[0].diagnostics", containsString("try again later"));
            }
            assertThat(jobs.size()).isEqualTo(maxJobs);

            // one job fewer (a filler cancelled): the next kick-off is accepted again
            jobs.cancel(fillers.remove(fillers.size() - 1));
            Started accepted = kickOff(token, "/fhir/R4/Patient/$export?_type=Patient");
            assertThat(outputs(manifest(accepted))).containsExactly(Map.entry("Patient", 3));
            given().header("Authorization", token).when().delete(accepted.status()).then().statusCode(202);
        } finally {
            fillers.forEach(jobs::cancel);
        }
        assertThat(jobs.size()).isLessThan(maxJobs);
    }

    @Test
    void aGroupsMembersAreReadFromSessionServiceAndExportedAlone() {
        Started export = kickOff(FhirCallers.backend("system/*.rs"), "/fhir/R4/Group/" + FhirStubs.GROUP + "/$export");
        JsonPath manifest = manifest(export);
        assertThat(manifest.getString("request")).endsWith("/fhir/R4/Group/" + FhirStubs.GROUP + "/$export");
        assertThat(outputs(manifest)).containsExactly(Map.entry("Appointment", 2), Map.entry("Consent", 2), Map.entry("Encounter", 2),
                Map.entry("Goal", 2), Map.entry("Observation", 4), Map.entry("Patient", 2));
        String members = String.join(",", FhirStubs.GROUP_MEMBERS);
        for (String service : List.of("participant", "plan", "session")) {
            assertThat(partsAsked(service, export)).extracting(p -> (String) p.get("query")).singleElement()
                    .satisfies(query -> assertThat(query).endsWith("&patient=" + members));
        }
        List<String> groupReads = given().get(control + "/session/received").then().extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(r -> export.requestId().equals(r.get("requestId")) && ("/fhir/R4/Group/" + FhirStubs.GROUP).equals(r.get("path")))
                .map(r -> (String) r.get("authorization")).toList();
        assertThat(groupReads).containsExactly(export.token());
    }

    @Test
    void anEmptyGroupExportsNothingAndAsksNoServiceAndAnUnknownGroupIs404() {
        Started export = kickOff(FhirCallers.backend("system/*.rs"), "/fhir/R4/Group/" + FhirStubs.EMPTY_GROUP + "/$export");
        JsonPath manifest = manifest(export);
        assertThat(manifest.getList("output")).isEmpty();
        assertThat(manifest.getList("error")).isEmpty();
        for (String service : List.of("participant", "plan", "session")) {
            assertThat(partsAsked(service, export)).as(service + " must not be asked for every patient").isEmpty();
        }
        FhirRoutingTest.outcome(given().header("Authorization", FhirCallers.backend("system/*.rs")).header("Prefer", "respond-async")
                .when().get("/fhir/R4/Group/" + FhirStubs.MISSING_GROUP + "/$export"), 404, "not-found")
                .body("issue[0].diagnostics", equalTo("Group/" + FhirStubs.MISSING_GROUP + " is not known."));
    }

    @Test
    void aServiceThatFailsLeavesNoPartialFilesOnlyAnErrorEntry() {
        Started export = kickOff(FhirCallers.backend("system/*.rs"), "/fhir/R4/Group/" + FhirStubs.BOOM_GROUP + "/$export");
        JsonPath manifest = manifest(export);
        assertThat(outputs(manifest)).containsOnlyKeys("Appointment", "Consent", "Encounter", "Patient");
        assertThat(manifest.getInt("error[0].count")).isEqualTo(1);
        assertThat(manifest.getString("error[0].type")).isEqualTo("OperationOutcome");
        List<String> errors = download(export, manifest.getString("error[0].url"));
        assertThat(errors).singleElement().satisfies(line -> {
            io.vertx.core.json.JsonObject outcome = new io.vertx.core.json.JsonObject(line);
            assertThat(outcome.getString("resourceType")).isEqualTo("OperationOutcome");
            assertThat(outcome.getJsonArray("issue").getJsonObject(0).getString("diagnostics"))
                    .isEqualTo("The plan service's part of the export (CarePlan, Goal, QuestionnaireResponse, Observation, Flag) is missing: "
                            + "the service failed (500).");
        });
        try (var files = Files.list(EXPORT_DIR.resolve("job-" + export.jobId()))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part") || name.startsWith("Goal"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void whileRunningPollingSaysHowFarAndCancellingStopsTheServiceStreamAndForgetsTheJob() {
        Started export = kickOff(FhirCallers.backend("system/*.rs"), "/fhir/R4/Group/" + FhirStubs.SLOW_GROUP + "/$export");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response running = given().header("Authorization", export.token()).when().get(export.status());
            assertThat(running.statusCode()).isEqualTo(202);
            assertThat(running.header("Retry-After")).isEqualTo("2");
            assertThat(running.header("X-Progress")).contains("participant: done (2 resources)").contains("session: running");
        });
        given().header("Authorization", export.token()).when().delete(export.status())
                .then().statusCode(202).body("issue[0].code", equalTo("informational"));
        FhirRoutingTest.outcome(given().header("Authorization", export.token()).when().get(export.status()), 404, "not-found");
        await().atMost(Duration.ofSeconds(10)).until(() -> given().get(control + "/session/received").then().extract().jsonPath()
                .<Map<String, Object>>getList("$").stream().anyMatch(r -> FhirStubs.SLOW_PATIENT.equals(r.get("closed"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(EXPORT_DIR.resolve("job-" + export.jobId())));
    }

    @Test
    void aServiceSilentMidStreamForTheUpstreamTimeoutIsAnErrorEntry() {
        Started export = kickOff(FhirCallers.backend("system/*.rs"), "/fhir/R4/Group/" + FhirStubs.SLOW_GROUP + "/$export?_type=Patient,Appointment");
        JsonPath manifest = manifest(export);
        assertThat(outputs(manifest)).containsExactly(Map.entry("Patient", 1));
        assertThat(download(export, manifest.getString("error[0].url"))).singleElement().asString()
                .contains("The session service's part of the export (Appointment) is missing: the service stopped sending for longer than the upstream timeout.");
    }

    @Test
    void aFinishedExportsFilesAndJobGoAfterTheirTimeToLive() {
        Started export = kickOff(FhirCallers.backend("system/*.rs"), "/fhir/R4/Patient/$export?_type=Patient");
        JsonPath manifest = manifest(export);
        String expires = given().header("Authorization", export.token()).when().get(export.status()).header("Expires");
        Instant expiresAt = java.time.ZonedDateTime.parse(expires, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
        Path dir = EXPORT_DIR.resolve("job-" + export.jobId());
        assertThat(dir.resolve("Patient.ndjson")).exists();

        jobs.sweep(expiresAt.minusSeconds(2)); // not yet
        given().header("Authorization", export.token()).when().get(export.status()).then().statusCode(200);
        jobs.sweep(expiresAt.plusSeconds(1));
        FhirRoutingTest.outcome(given().header("Authorization", export.token()).when().get(export.status()), 404, "not-found");
        String file = manifest.getString("output[0].url");
        FhirRoutingTest.outcome(given().header("Authorization", export.token()).urlEncodingEnabled(false)
                .when().get(file.substring(file.indexOf("/fhir/R4"))), 404, "not-found");
        assertThat(dir).doesNotExist();
    }
}
