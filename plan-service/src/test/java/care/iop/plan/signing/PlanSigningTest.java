package care.iop.plan.signing;

import static care.iop.plan.signing.SigningFixtures.AUTHOR;
import static care.iop.plan.signing.SigningFixtures.CO_SIGNER;
import static care.iop.plan.signing.SigningFixtures.PATIENT_IN_PERSON;
import static care.iop.plan.signing.SigningFixtures.PATIENT_OWN;
import static care.iop.plan.signing.SigningFixtures.author;
import static care.iop.plan.signing.SigningFixtures.sign;
import static care.iop.plan.signing.SigningFixtures.signedEvents;
import static care.iop.plan.signing.SigningFixtures.staff;
import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.changeStatus;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.plan.support.ReadModelProbe.count;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.EventTypes;
import care.iop.events.PlanSignature;
import care.iop.events.Topics;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TestTokens;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Who signs a plan version, how, and what activation needs: each rule at its boundary, nothing written on a refusal. */
@QuarkusTest
class PlanSigningTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    private long signatures(String plan) {
        return count(ds, "select count(*) from plan_signature where plan_id = ?", UUID.fromString(plan));
    }

    private long denials(String plan) {
        return count(ds, "select count(*) from audit_event where resource_type = 'CarePlanSignature' and resource_id = ? and outcome = 'DENIED'",
                plan);
    }

    /** Every signature row has its plan.signed event and no refusal published one. */
    private void awaitOneEventPerSignature(String plan) {
        long rows = signatures(plan);
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> assertThat(signedEvents(bootstrap, plan)).hasSize((int) rows));
    }

    @Test
    void activationNeedsTheCurrentVersionFullySignedAndAFullSignatureDoesNotActivate() {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        get("clinician", PLANS + "/" + plan).statusCode(200).body("currentVersion", equalTo(1)).body("versionInForce", nullValue())
                .body("pendingSignatures", contains("patient", "author"));

        changeStatus(plan, "active").statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("missing: patient, author"))
                .body("errors.field", contains("signatures", "signatures"))
                .body("errors[0].message", containsString("patient")).body("errors[1].message", containsString("author"));

        sign(staff(), plan, 1, PATIENT_IN_PERSON).statusCode(201).header("Location", containsString(PLANS + "/" + plan + "/versions/1"))
                .body("number", equalTo(1)).body("state", equalTo("pending-signatures")).body("inForce", equalTo(false))
                .body("requiredSignatures", contains("patient", "author")).body("pendingSignatures", contains("author"))
                .body("signatures[0].role", equalTo("patient")).body("signatures[0].method", equalTo("in-person"))
                .body("signatures[0].signerName", equalTo("Ana Diaz")).body("signatures[0].signedBy", equalTo("test-clinician"));
        changeStatus(plan, "active").statusCode(422).body("errors", hasSize(1)).body("errors[0].message", containsString("author"));

        sign(author(ids[1]), plan, 1, AUTHOR).statusCode(201).body("state", equalTo("signed")).body("inForce", equalTo(true))
                .body("pendingSignatures", empty()).body("signatures[1].clinicianId", equalTo(ids[1].toString()))
                .body("signatures[1].method", equalTo("electronic"));
        // signed, still a draft: activation is its own step
        get("clinician", PLANS + "/" + plan).statusCode(200).body("status", equalTo("draft")).body("versionInForce", equalTo(1))
                .body("pendingSignatures", empty());
        assertThat(count(ds, "select count(*) from plan_status_transition where plan_id = ?", UUID.fromString(plan))).isEqualTo(1);

        changeStatus(plan, "active").statusCode(200).body("status", equalTo("active"));
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = new TopicReader(bootstrap).readByKey(Topics.PLANS, plan);
            assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly(EventTypes.PLAN_CREATED, EventTypes.PLAN_SIGNED,
                    EventTypes.PLAN_SIGNED, EventTypes.PLAN_STATUS_CHANGED);
            PlanSignature first = EventFixtures.JSON.readValue(records.get(1).value(), PlanSignature.class);
            PlanSignature second = EventFixtures.JSON.readValue(records.get(2).value(), PlanSignature.class);
            assertThat(first.role()).isEqualTo("patient");
            assertThat(first.versionSigned()).isFalse();
            assertThat(first.versionInForce()).isNull();
            assertThat(second.role()).isEqualTo("author");
            assertThat(second.versionSigned()).isTrue();
            assertThat(second.versionInForce()).isEqualTo(1);
            assertThat(second.status()).isEqualTo("draft");
            assertThat(records.get(2).value()).doesNotContain("Ana Diaz");
        });
    }

    @Test
    void thePatientSignsWithTheirOwnTokenAndOnlyAsThePatient() {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        String own = TestTokens.patient(ids[0]);

        sign(own, plan, 1, PATIENT_IN_PERSON).statusCode(422).body("errors[0].field", equalTo("method"));
        sign(own, plan, 1, AUTHOR).statusCode(403).contentType("application/problem+json");
        sign(own, plan, 1, "{\"role\":\"guardian\",\"method\":\"electronic\"}").statusCode(403);
        sign(TestTokens.patient(UUID.randomUUID()), plan, 1, PATIENT_OWN).statusCode(404);
        assertThat(signatures(plan)).isZero();
        assertThat(denials(plan)).isEqualTo(2);

        sign(own, plan, 1, PATIENT_OWN).statusCode(201).body("signatures[0].role", equalTo("patient"))
                .body("signatures[0].method", equalTo("electronic")).body("signatures[0].signedBy", equalTo("test-patient-" + ids[0]))
                .body("pendingSignatures", contains("author"));
        sign(own, plan, 1, PATIENT_OWN).statusCode(409).body("conflictsWith", equalTo("/api/v1/plans/" + plan + "/versions/1"));
        sign(staff(), plan, 1, PATIENT_IN_PERSON).statusCode(409);
        assertThat(signatures(plan)).isEqualTo(1);
        // the patient reads its plan's versions, and nothing of the plan is writable for it but its signature
        SigningFixtures.read(own, PLANS + "/" + plan + "/versions").statusCode(200).body("", hasSize(1));
        SigningFixtures.read(own, PLANS + "/" + plan + "/versions/1").statusCode(200).body("content.problems[0].code", equalTo("F32.1"));
        given(own).body("{\"status\":\"active\"}").put(PLANS + "/" + plan + "/status").then().statusCode(403);
        awaitOneEventPerSignature(plan);
    }

    @Test
    void theAuthorSignsOnlyWithTheirOwnClinicianToken() {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        UUID otherClinician = fixtures.clinician();

        sign(staff(), plan, 1, AUTHOR).statusCode(403).body("detail", containsString("clinician_id"));
        sign(author(otherClinician), plan, 1, AUTHOR).statusCode(403);
        sign(TestTokens.forRole("admin"), plan, 1, AUTHOR).statusCode(403);
        sign(TestTokens.mint("admin", "admin-with-claim", null, java.util.Map.of("clinician_id", ids[1].toString())), plan, 1, AUTHOR)
                .statusCode(403);
        sign(TestTokens.forRole("scheduler"), plan, 1, AUTHOR).statusCode(403);
        sign(author(ids[1]), plan, 1, "{\"role\":\"author\",\"method\":\"in-person\",\"signerName\":\"Kim\"}").statusCode(422)
                .body("errors[0].field", equalTo("method"));
        assertThat(signatures(plan)).isZero();
        assertThat(denials(plan)).isEqualTo(4);

        sign(author(ids[1]), plan, 1, AUTHOR).statusCode(201).body("signatures[0].signedBy", equalTo("test-clinician-" + ids[1]))
                .body("signatures[0].credentials", contains("LCSW"));
        sign(author(ids[1]), plan, 1, AUTHOR).statusCode(409);
        assertThat(signatures(plan)).isEqualTo(1);
        awaitOneEventPerSignature(plan);
    }

    @Test
    void staffRecordInPersonAndVerbalSignaturesWithTheSignersNameAndAWitness() {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));

        sign(staff(), plan, 1, "{\"role\":\"patient\",\"method\":\"electronic\"}").statusCode(422).body("errors[0].field", equalTo("method"));
        sign(staff(), plan, 1, "{\"role\":\"patient\",\"method\":\"in-person\"}").statusCode(422).body("errors[0].field", equalTo("signerName"));
        sign(staff(), plan, 1, "{\"role\":\"patient\",\"method\":\"in-person\",\"signerName\":\"  \"}").statusCode(422)
                .body("errors[0].field", equalTo("signerName"));
        sign(staff(), plan, 1, "{\"role\":\"patient\",\"method\":\"verbal\",\"signerName\":\"Ana Diaz\"}").statusCode(422)
                .body("errors[0].field", equalTo("witness"));
        sign(staff(), plan, 1, "{\"role\":\"patient\",\"method\":\"verbal\",\"signerName\":\"Ana Diaz\",\"witness\":\" \"}").statusCode(422)
                .body("errors[0].field", equalTo("witness"));
        sign(staff(), plan, 1, "{\"role\":\"guardian\",\"method\":\"in-person\",\"signerName\":\"Maria Diaz\"}").statusCode(422)
                .body("errors[0].field", equalTo("role"));
        sign(staff(), plan, 1, "{\"role\":\"co-signer\",\"method\":\"electronic\"}").statusCode(403);
        sign(staff(), plan, 1, "{\"role\":\"witness\",\"method\":\"in-person\"}").statusCode(400).body("errors[0].field", equalTo("role"));
        sign(staff(), plan, 1, "{\"role\":\"patient\",\"method\":\"fax\"}").statusCode(400).body("errors[0].field", equalTo("method"));
        sign(staff(), plan, 1, "{\"method\":\"in-person\"}").statusCode(400).body("errors[0].field", equalTo("role"));
        assertThat(signatures(plan)).isZero();

        sign(TestTokens.forRole("admin"), plan, 1, "{\"role\":\"patient\",\"method\":\"verbal\",\"signerName\":\"Ana Diaz\",\"witness\":\"Lou Ray\"}")
                .statusCode(201).body("signatures[0].method", equalTo("verbal")).body("signatures[0].witness", equalTo("Lou Ray"))
                .body("signatures[0].signedBy", equalTo("test-admin"));
        assertThat(count(ds, "select count(*) from audit_event where resource_type = 'CarePlanSignature' and action = 'CREATE'"
                + " and outcome = 'SUCCESS' and patient_id = ?", ids[0])).isEqualTo(1);
        awaitOneEventPerSignature(plan);
    }

    @Test
    void anAdolescentsGuardianSignsAndTheAdolescentsOwnSignatureIsAssent() {
        UUID patient = fixtures.register(EventFixtures.patient(UUID.randomUUID()).track("ADOLESCENT").build()).patientId();
        UUID clinician = fixtures.clinician();
        String plan = fixtures.createPlan(patient, clinician, modality(1, 50, 8.5, 0));
        get("clinician", PLANS + "/" + plan).body("pendingSignatures", contains("guardian", "author"));

        sign(TestTokens.patient(patient), plan, 1, PATIENT_OWN).statusCode(201).body("pendingSignatures", contains("guardian", "author"))
                .body("requiredSignatures", contains("guardian", "author"));
        sign(staff(), plan, 1, "{\"role\":\"guardian\",\"method\":\"verbal\",\"signerName\":\"Maria Diaz (mother)\",\"witness\":\"Lou Ray\"}")
                .statusCode(201).body("pendingSignatures", contains("author"));
        sign(author(clinician), plan, 1, AUTHOR).statusCode(201).body("state", equalTo("signed"));
        changeStatus(plan, "active").statusCode(200);
    }

    @Test
    void aSupervisedAuthorNeedsALicensedCoSigner() {
        UUID patient = fixtures.register(EventFixtures.patient(UUID.randomUUID()).build()).patientId();
        UUID supervised = fixtures.clinician();
        SigningFixtures.credentials(ds, supervised, "lpc-a"); // compared ignoring case
        UUID associate = fixtures.clinician();
        SigningFixtures.credentials(ds, associate, "LMSW,intern");
        UUID licensed = fixtures.clinician();
        SigningFixtures.credentials(ds, licensed, "LCSW");
        UUID unknownCredentials = fixtures.clinician();
        SigningFixtures.credentials(ds, unknownCredentials, null); // as after an event written before credentials were carried
        String plan = fixtures.createPlan(patient, supervised, modality(1, 50, 8.5, 0));
        get("clinician", PLANS + "/" + plan).body("pendingSignatures", contains("patient", "author", "co-signer"));

        sign(author(associate), plan, 1, CO_SIGNER).statusCode(403).body("detail", containsString("LMSW, intern"));
        sign(author(unknownCredentials), plan, 1, CO_SIGNER).statusCode(403);
        sign(author(UUID.randomUUID()), plan, 1, CO_SIGNER).statusCode(403);
        sign(author(supervised), plan, 1, CO_SIGNER).statusCode(403);
        sign(staff(), plan, 1, CO_SIGNER).statusCode(403);
        sign(author(licensed), plan, 1, "{\"role\":\"co-signer\",\"method\":\"verbal\",\"witness\":\"x\"}").statusCode(422)
                .body("errors[0].field", equalTo("method"));
        assertThat(signatures(plan)).isZero();

        sign(author(licensed), plan, 1, CO_SIGNER).statusCode(201).body("signatures[0].clinicianId", equalTo(licensed.toString()))
                .body("signatures[0].credentials", contains("LCSW")).body("pendingSignatures", contains("patient", "author"));
        sign(author(supervised), plan, 1, AUTHOR).statusCode(201).body("signatures[1].credentials", contains("lpc-a"));
        changeStatus(plan, "active").statusCode(422).body("errors", hasSize(1)).body("errors[0].message", containsString("patient"));
        sign(staff(), plan, 1, PATIENT_IN_PERSON).statusCode(201).body("state", equalTo("signed"));
        changeStatus(plan, "active").statusCode(200);
        awaitOneEventPerSignature(plan);
    }

    @Test
    void aLicensedAuthorNeedsNoCoSignerEvenNextToASupervisedCredential() {
        UUID patient = fixtures.register(EventFixtures.patient(UUID.randomUUID()).build()).patientId();
        UUID author = fixtures.clinician();
        SigningFixtures.credentials(ds, author, "LPC-A, LCDC");
        UUID licensed = fixtures.clinician();
        SigningFixtures.credentials(ds, licensed, "LCSW");
        String plan = fixtures.createPlan(patient, author, modality(1, 50, 8.5, 0));
        get("clinician", PLANS + "/" + plan).body("pendingSignatures", contains("patient", "author"));
        sign(author(licensed), plan, 1, CO_SIGNER).statusCode(422).body("errors[0].field", equalTo("role"));
        assertThat(signatures(plan)).isZero();
    }

    @Test
    void anAmendmentOfASignedPlanWaitsForItsSignaturesWhileTheSignedVersionStaysInForce() {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        PlanFixtures.activate(plan).statusCode(200);

        String etag = get("clinician", PLANS + "/" + plan).extract().header("ETag");
        // the create body, read-only fields and all, with another goal
        given(TestTokens.forRole("clinician")).header("If-Match", etag).body(PlanFixtures.planBody(ids[0], ids[1], null, null)
                .replace("Reduce depressive symptoms", "Sleep at least 6 hours a night"))
                .put(PLANS + "/" + plan).then().statusCode(200)
                .body("status", equalTo("active")).body("currentVersion", equalTo(2)).body("versionInForce", equalTo(1))
                .body("pendingSignatures", contains("patient", "author"));

        SigningFixtures.read(TestTokens.forRole("clinician"), PLANS + "/" + plan + "/versions").statusCode(200).body("", hasSize(2))
                .body("[0].state", equalTo("signed")).body("[0].inForce", equalTo(true)).body("[0].signatures", hasSize(2))
                .body("[0].content", nullValue())
                .body("[1].cause", equalTo("amended")).body("[1].changes", contains("goals")).body("[1].state", equalTo("pending-signatures"))
                .body("[1].inForce", equalTo(false)).body("[1].signatures", empty());
        // side by side: what was signed and what awaits signatures
        SigningFixtures.read(TestTokens.forRole("clinician"), PLANS + "/" + plan + "/versions/1").statusCode(200)
                .body("content.goals[0].description", equalTo("Reduce depressive symptoms"));
        SigningFixtures.read(TestTokens.forRole("clinician"), PLANS + "/" + plan + "/versions/2").statusCode(200)
                .body("content.goals[0].description", equalTo("Sleep at least 6 hours a night"))
                .body("content.modality.groupHoursPerWeek", equalTo(8.5f));

        // version 1 is locked: signing it again is a conflict naming the version to sign
        sign(staff(), plan, 1, "{\"role\":\"patient\",\"method\":\"in-person\",\"signerName\":\"Ana\"}").statusCode(409)
                .body("conflictsWith", equalTo("/api/v1/plans/" + plan + "/versions/2"));
        long before = signatures(plan);
        sign(TestTokens.patient(ids[0]), plan, 2, PATIENT_OWN).statusCode(201);
        sign(author(ids[1]), plan, 2, AUTHOR).statusCode(201).body("inForce", equalTo(true));
        assertThat(signatures(plan)).isEqualTo(before + 2);
        get("clinician", PLANS + "/" + plan).body("versionInForce", equalTo(2)).body("pendingSignatures", empty());
        SigningFixtures.read(TestTokens.forRole("clinician"), PLANS + "/" + plan + "/versions").body("[0].inForce", equalTo(false))
                .body("[0].state", equalTo("signed")).body("[1].inForce", equalTo(true));
        awaitOneEventPerSignature(plan);
    }

    @Test
    void aPlanOnHoldResumesWithItsVersionInForceWhileAnAmendmentAwaitsSignatures() {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        PlanFixtures.activate(plan).statusCode(200);
        changeStatus(plan, "on-hold").statusCode(200);
        PlanFixtures.post("clinician", PLANS + "/" + plan + "/modality-changes", "{\"modality\":" + modality(3, 60, 6, 0)
                + ",\"reason\":\"decided with the patient\",\"effectiveFrom\":\"2026-12-07\"}").statusCode(201);
        get("clinician", PLANS + "/" + plan).body("currentVersion", equalTo(2)).body("versionInForce", equalTo(1))
                .body("pendingSignatures", contains("patient", "author"));
        changeStatus(plan, "active").statusCode(200).body("versionInForce", equalTo(1));
    }

    @Test
    void aDraftAmendedAfterAPartialSignatureNeedsAllSignaturesOfTheNewVersion() {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        sign(staff(), plan, 1, PATIENT_IN_PERSON).statusCode(201);
        PlanFixtures.post("clinician", PLANS + "/" + plan + "/modality-changes", "{\"modality\":" + modality(3, 60, 6, 0)
                + ",\"reason\":\"more individual work\",\"effectiveFrom\":\"2026-12-07\"}").statusCode(201);

        SigningFixtures.read(TestTokens.forRole("admin"), PLANS + "/" + plan + "/versions").statusCode(200)
                .body("[0].state", equalTo("superseded")).body("[0].pendingSignatures", empty()).body("[0].signatures", hasSize(1))
                .body("[1].cause", equalTo("modality-switch")).body("[1].signatureRequired", equalTo(true))
                .body("[1].pendingSignatures", contains("patient", "author"));
        sign(author(ids[1]), plan, 1, AUTHOR).statusCode(409).body("detail", containsString("superseded"));
        changeStatus(plan, "active").statusCode(422).body("errors", hasSize(2)).body("errors.message", everyItem(containsString("version 2")));
        assertThat(signatures(plan)).isEqualTo(1);
    }

    @Test
    void aFinalPlanAndAnUnknownVersionCannotBeSigned() {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        sign(staff(), plan, 2, PATIENT_IN_PERSON).statusCode(404).contentType("application/problem+json");
        sign(staff(), plan, 0, PATIENT_IN_PERSON).statusCode(400);
        sign(staff(), UUID.randomUUID().toString(), 1, PATIENT_IN_PERSON).statusCode(404);
        changeStatus(plan, "revoked").statusCode(200);
        sign(staff(), plan, 1, PATIENT_IN_PERSON).statusCode(409).body("detail", containsString("revoked"));
        assertThat(signatures(plan)).isZero();
    }

    @Test
    void aRetriedSignatureWithItsIdempotencyKeyIsRecordedOnce() {
        UUID[] ids = fixtures.patientAndClinician();
        String plan = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        String key = UUID.randomUUID().toString();
        String first = given(TestTokens.patient(ids[0])).header("Idempotency-Key", key).body(PATIENT_OWN)
                .post(PLANS + "/" + plan + "/versions/1/signatures").then().statusCode(201).extract().asString();
        String again = given(TestTokens.patient(ids[0])).header("Idempotency-Key", key).body(PATIENT_OWN)
                .post(PLANS + "/" + plan + "/versions/1/signatures").then().statusCode(201).extract().asString();
        assertThat(again).isEqualTo(first);
        assertThat(signatures(plan)).isEqualTo(1);
        awaitOneEventPerSignature(plan);
    }

    private static io.restassured.specification.RequestSpecification given(String token) {
        return io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json");
    }
}
