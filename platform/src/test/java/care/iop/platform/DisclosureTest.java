package care.iop.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import care.iop.platform.privacy.DisclosureConsent;
import care.iop.platform.privacy.Part2Notice;
import care.iop.platform.privacy.PatientPrivacy;
import care.iop.platform.privacy.PrivacyConfig;
import care.iop.platform.privacy.Purpose;
import care.iop.platform.testapp.TestPrivacyFacts;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The Part 2 gate of the platform: consent matched by recipient, purpose and date; the notice; the audit rows. */
@QuarkusTest
class DisclosureTest {
    private static final String RECORDS = "/api/v1/test-records";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    @Inject
    TestPrivacyFacts facts;

    @Inject
    AgroalDataSource ds;

    private static RequestSpecification as(String role, String client, Map<String, Object> claims) {
        return given().header("Authorization", "Bearer " + TestTokens.mint(role, client, null, claims));
    }

    private static RequestSpecification ehr(String azp) {
        return as("integration", "client-" + azp, Map.of("azp", azp));
    }

    private UUID part2(DisclosureConsent... consents) {
        UUID id = UUID.randomUUID();
        facts.put(new PatientPrivacy(id, true, List.of(consents)));
        return id;
    }

    private UUID notPart2() {
        UUID id = UUID.randomUUID();
        facts.put(PatientPrivacy.notPart2(id));
        return id;
    }

    private static DisclosureConsent consent(String recipient, Set<Purpose> purposes, LocalDate expiresOn) {
        return new DisclosureConsent(UUID.randomUUID(), recipient, purposes, expiresOn);
    }

    private String deniedReason(UUID patient) {
        return Db.string(ds, "select reason from audit_event where patient_id = ? and outcome = 'DENIED'", patient);
    }

    @Test
    void staffReadPart2RecordsWithoutConsentOrNotice() {
        UUID patient = part2();
        as("clinician", "dr-a", Map.of()).get(RECORDS + "/" + patient).then().statusCode(200)
                .header(Part2Notice.HEADER, nullValue()).body("part2Notice", nullValue());
    }

    @Test
    void anExternalCallerReadsRecordsThatAreNotPart2WithoutNotice() {
        UUID patient = notPart2();
        ehr("ehr-a").get(RECORDS + "/" + patient).then().statusCode(200)
                .header(Part2Notice.HEADER, nullValue()).body("part2Notice", nullValue());
        assertThat(Db.string(ds, "select recipient from audit_event where patient_id = ? and outcome = 'SUCCESS'", patient)).isEqualTo("ehr-a");
    }

    @Test
    void withoutConsentAPart2ReadIsNotFoundAndAuditedWithTheReason() {
        UUID patient = part2();
        ehr("ehr-a").get(RECORDS + "/" + patient).then().statusCode(404).contentType("application/problem+json");
        assertThat(deniedReason(patient)).isEqualTo("PART2_NO_CONSENT");
        assertThat(Db.count(ds, "select count(*) from audit_event where patient_id = ? and outcome = 'SUCCESS'", patient)).isZero();
    }

    @Test
    void aMatchingConsentDisclosesWithTheNoticeAndTheConsentOnRecord() {
        DisclosureConsent consent = consent("ehr-a", Set.of(Purpose.TREATMENT, Purpose.PAYMENT), TODAY);
        UUID patient = part2(consent);
        ehr("ehr-a").get(RECORDS + "/" + patient).then().statusCode(200)
                .header(Part2Notice.HEADER, PrivacyConfig.NOTICE).body("part2Notice", equalTo(PrivacyConfig.NOTICE))
                .body("patientId", equalTo(patient.toString()));
        assertThat(Db.string(ds, "select recipient || ' ' || consent_id from audit_event where patient_id = ? and outcome = 'SUCCESS'", patient))
                .isEqualTo("ehr-a " + consent.consentId());
    }

    @Test
    void theNoticeIsInTheBodyOfAnAnswerBuiltAsAResponseToo() {
        UUID patient = part2(consent("ehr-a", Set.of(Purpose.TREATMENT), TODAY));
        ehr("ehr-a").get(RECORDS + "/" + patient + "/response").then().statusCode(200).contentType("application/json")
                .header(Part2Notice.HEADER, PrivacyConfig.NOTICE).body("part2Notice", equalTo(PrivacyConfig.NOTICE));
    }

    @Test
    void aConsentForAnotherRecipientDoesNotCount() {
        UUID patient = part2(consent("ehr-b", Set.of(Purpose.TREATMENT), TODAY.plusDays(30)));
        ehr("ehr-a").get(RECORDS + "/" + patient).then().statusCode(404);
        assertThat(deniedReason(patient)).isEqualTo("PART2_CONSENT_OTHER_RECIPIENT");
    }

    @Test
    void theClientIdentityIsAzpThenClientIdThenSubject() {
        UUID patient = part2(consent("svc-7", Set.of(Purpose.TREATMENT), TODAY));
        as("integration", "someone-else", Map.of("client_id", "svc-7")).get(RECORDS + "/" + patient).then().statusCode(200);
        as("integration", "svc-7", Map.of()).get(RECORDS + "/" + patient).then().statusCode(200);
        as("integration", "svc-7", Map.of("azp", "other")).get(RECORDS + "/" + patient).then().statusCode(404);
    }

    @Test
    void theTokensPurposeMustBeCovered() {
        UUID patient = part2(consent("ehr-a", Set.of(Purpose.PAYMENT), TODAY));
        ehr("ehr-a").get(RECORDS + "/" + patient).then().statusCode(404);
        assertThat(deniedReason(patient)).isEqualTo("PART2_CONSENT_PURPOSE_NOT_COVERED");
        as("integration", "c", Map.of("azp", "ehr-a", "purpose_of_use", "HPAYMT")).get(RECORDS + "/" + patient).then().statusCode(200);
        as("integration", "c", Map.of("azp", "ehr-a", "purpose_of_use", "PAYMENT")).get(RECORDS + "/" + patient).then().statusCode(200);
        as("integration", "c", Map.of("azp", "ehr-a", "purpose_of_use", "MARKETING")).get(RECORDS + "/" + patient).then().statusCode(404);
    }

    @Test
    void anExpiredConsentDoesNotCount() {
        UUID patient = part2(consent("ehr-a", Set.of(Purpose.TREATMENT), TODAY.minusDays(1)));
        ehr("ehr-a").get(RECORDS + "/" + patient).then().statusCode(404);
        assertThat(deniedReason(patient)).isEqualTo("PART2_CONSENT_EXPIRED");
    }

    @Test
    void aPatientTheServiceDoesNotKnowIsRefused() {
        UUID stranger = UUID.randomUUID();
        ehr("ehr-a").get(RECORDS + "/" + stranger).then().statusCode(404);
        assertThat(deniedReason(stranger)).isEqualTo("PART2_LABEL_UNKNOWN");
    }

    @Test
    void aListLeavesOutPart2PatientsWithoutConsentAndAuditsEachPatientShown() {
        UUID open = notPart2();
        UUID consented = part2(consent("ehr-a", Set.of(Purpose.TREATMENT), TODAY));
        UUID hidden = part2();
        ehr("ehr-a").queryParam("patient", open, consented, hidden).get(RECORDS).then().statusCode(200)
                .body("items.patientId", contains(open.toString(), consented.toString())).body("total", equalTo(2))
                .header(Part2Notice.HEADER, PrivacyConfig.NOTICE).body("part2Notice", equalTo(PrivacyConfig.NOTICE));
        assertThat(Db.count(ds, "select count(*) from audit_event where action = 'SEARCH' and outcome = 'SUCCESS' and patient_id in (?, ?)",
                open, consented)).isEqualTo(2);
        assertThat(Db.count(ds, "select count(*) from audit_event where patient_id = ?", hidden)).isZero();
        as("clinician", "dr-a", Map.of()).queryParam("patient", open, consented, hidden).get(RECORDS).then().statusCode(200)
                .body("total", equalTo(3));
    }

    @Test
    void anAnswerThatMissedItsFilterDoesNotLeave() {
        UUID hidden = part2();
        ehr("ehr-a").queryParam("patient", hidden).get(RECORDS + "/unfiltered").then().statusCode(500)
                .contentType("application/problem+json");
        assertThat(Db.count(ds, "select count(*) from audit_event where patient_id = ? and outcome = 'SUCCESS'", hidden)).isZero();
    }

    @Test
    void theApiDocumentDescribesTheNoticeHeaderAndField() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/test-records/{patientId}'.get.responses.'200'.headers.'Part2-Notice'.schema.type", equalTo("string"))
                .body("components.schemas.RecordView.properties.part2Notice.type", equalTo("string"));
    }
}
