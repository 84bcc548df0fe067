package care.iop.plan.comparison;

import static care.iop.plan.support.ReadModelProbe.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;

import care.iop.plan.support.EventFixtures;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The de-identified analysis export of the {@link ModalityCohort}: admins only, audited per patient, no identifiers, dates shifted per patient. */
@QuarkusTest
class AnalysisExportTest {
    static final String EXPORT = "/api/v1/outcomes/modality-comparison/export";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void oneDeidentifiedRowPerEpisodeWithDatesShiftedPerPatientAndAnAuditRowPerPatient() throws Exception {
        ModalityCohort cohort = ModalityCohort.shared(bootstrap, ds);
        String admin = "researcher-" + UUID.randomUUID();
        String body = given().header("Authorization", "Bearer " + TestTokens.mint("admin", admin, null))
                .queryParam("instrument", "PHQ9").queryParam("track", cohort.track).queryParam("from", ModalityCohort.FROM)
                .queryParam("to", ModalityCohort.TO).when().get(EXPORT).then().statusCode(200).contentType("application/x-ndjson")
                .extract().asString();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : body.split("\n")) {
            rows.add(EventFixtures.JSON.readValue(line, new TypeReference<Map<String, Object>>() {
            }));
        }
        assertThat(rows).hasSize(69);
        assertThat(rows.stream().map(r -> r.get("row"))).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 69).boxed().toList());
        // no identifier of any kind: no id field, no patient id anywhere in the body
        assertThat(rows.get(0).keySet()).noneMatch(k -> k.toLowerCase().contains("id") && !k.equals("dischargeReason") || k.contains("name"));
        cohort.patients.forEach(p -> assertThat(body).doesNotContain(p.toString()));

        for (Map<String, Object> row : rows) {
            LocalDate admitted = LocalDate.parse((String) row.get("admittedOn"));
            long shift = ChronoUnit.DAYS.between(ModalityCohort.ADMITTED, admitted);
            assertThat(shift).as("shifted, at most 180 days").isNotZero().isBetween(-180L, 180L);
            if (row.containsKey("baselineOn")) { // the patient's dates all move by the same amount
                assertThat(ChronoUnit.DAYS.between(admitted, LocalDate.parse((String) row.get("baselineOn")))).isEqualTo(((Number) row.get("baselineDay")).longValue());
            }
            assertThat(row.get("track")).isEqualTo(cohort.track);
            assertThat(row.get("ageAtAdmission")).isEqualTo(35);
        }
        // the shifts differ between patients (69 patients with the same shift would not hide the admission date)
        assertThat(rows.stream().map(r -> r.get("admittedOn")).distinct().count()).isGreaterThan(30);
        assertThat(rows.stream().filter(r -> "LEFT_EARLY".equals(r.get("exclusion")))).hasSize(11)
                .allSatisfy(r -> assertThat(r).containsEntry("dropout", true).containsEntry("baselineDay", -14).containsEntry("attendedBucket", "NO_ATTENDANCE"));
        assertThat(rows.stream().filter(r -> "SWITCHED".equals(r.get("prescribedBucket")))).hasSize(12)
                .allSatisfy(r -> assertThat(r).containsEntry("switchDay", 21).containsEntry("switchedFrom", "GROUP_HEAVY")
                        .containsEntry("switchedTo", "INDIVIDUAL_HEAVY").containsEntry("attendedBucket", "MIXED").containsEntry("followUpDay", 42));
        assertThat(rows.stream().filter(r -> Integer.valueOf(-15).equals(r.get("change")))).hasSize(0);
        assertThat(rows.stream().filter(r -> Integer.valueOf(-20).equals(r.get("change")))).hasSize(3)
                .allSatisfy(r -> assertThat(r).containsEntry("baseline", 24).containsEntry("followUp", 4).containsEntry("response", true)
                        .containsEntry("remission", true).containsEntry("prescribedBucket", "GROUP_HEAVY").containsEntry("prescribedGroupShare", 0.8571));

        // audited: one SEARCH per patient in the export, under the admin
        assertThat(count(ds, "select count(*) from audit_event where subject = ? and action = 'SEARCH' and resource_type = 'ModalityComparisonExport'",
                admin)).isEqualTo(69);
        assertThat(count(ds, "select count(distinct patient_id) from audit_event where subject = ?", admin)).isEqualTo(69);
    }

    @Test
    void theSameRowsAsCsv() {
        ModalityCohort cohort = ModalityCohort.shared(bootstrap, ds);
        String csv = given().header("Authorization", TestTokens.bearer("admin")).accept("text/csv").queryParam("instrument", "PHQ9")
                .queryParam("track", cohort.track).queryParam("from", ModalityCohort.FROM).when().get(EXPORT).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(70);
        assertThat(lines[0]).startsWith("row,instrument,admittedOn,dischargedOn,dischargeReason,dropout,track,levelOfCare,ageAtAdmission,baseline,");
        assertThat(lines[1].split(",", -1)).hasSize(lines[0].split(",").length);
    }

    @Test
    void onlyAdminsExport() {
        for (String role : List.of("clinician", "scheduler", "integration")) {
            given().header("Authorization", TestTokens.bearer(role)).queryParam("instrument", "PHQ9").when().get(EXPORT).then()
                    .statusCode(403).contentType("application/problem+json");
        }
        given().header("Authorization", "Bearer " + TestTokens.patient(UUID.randomUUID())).queryParam("instrument", "PHQ9").when()
                .get(EXPORT).then().statusCode(403);
        given().queryParam("instrument", "PHQ9").when().get(EXPORT).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("admin")).when().get(EXPORT).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("instrument"));
        given().header("Authorization", TestTokens.bearer("admin")).queryParam("instrument", "PHQ9").queryParam("track", "x; drop")
                .when().get(EXPORT).then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("track"));
    }
}
