package care.iop.plan.content;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.activate;
import static care.iop.plan.support.PlanFixtures.changeStatus;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.planBody;
import static care.iop.plan.support.PlanFixtures.post;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.plan.support.ReadModelProbe.count;
import static care.iop.plan.support.ReadModelProbe.value;
import static care.iop.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import care.iop.events.EventTypes;
import care.iop.events.PlanProposalOffered;
import care.iop.events.Topics;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ReadModelProbe;
import care.iop.testing.TestTokens;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * A change of group comfort or preferred modality on an active plan offers a new proposal (field and event), never applies it,
 * and offers it once however often the event arrives.
 */
@QuarkusTest
class ProposalOfferTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;
    UUID patient;
    UUID clinician;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
        clinician = fixtures.clinician();
        patient = fixtures.register(EventFixtures.patient(UUID.randomUUID()).groupComfort("COMFORTABLE").build()).patientId();
    }

    /** An active plan with the proposal for a COMFORTABLE patient (group-heavy, 9.83 h). */
    private String activePlan() {
        String id = post("clinician", PLANS, planBody(patient, clinician, null, null)).statusCode(201)
                .body("modality.weeklyHours", equalTo(9.83f)).extract().path("id");
        activate(id).statusCode(200);
        return id;
    }

    private EventFixtures.PatientBuilder patientAt(long version, String comfort, String preference) {
        return EventFixtures.patient(patient).groupComfort(comfort).preferredModality(preference).version(version);
    }

    private List<ConsumerRecord<String, String>> offers(String planId) {
        return new TopicReader(bootstrap).read(Topics.PLANS,
                r -> planId.equals(r.key()) && EventTypes.PLAN_PROPOSAL_OFFERED.equals(header(r, "ce_type")));
    }

    private long planVersion(String planId) {
        return (Long) value(ds, "select version from care_plan where id = ?", UUID.fromString(planId));
    }

    @Test
    void aComfortChangeOnAnActivePlanOffersAProposalWithAnEventAndChangesNothingElse() throws Exception {
        String id = activePlan();
        long before = planVersion(id);
        fixtures.patientEvent(EventTypes.PATIENT_PREFERENCES_CHANGED, patientAt(2, "UNCOMFORTABLE", "NO_PREFERENCE").build());

        get("clinician", PLANS + "/" + id).statusCode(200)
                .body("modality.weeklyHours", equalTo(9.83f))
                .body("modality.individualSessionsPerWeek", equalTo(1))
                .body("interventions.sessionsPerWeek", contains(1, 6))
                .body("modalityProposed", equalTo(true))
                .body("offeredProposal.step", equalTo("individual-heavy"))
                .body("offeredProposal.reason", equalTo("group comfort COMFORTABLE -> UNCOMFORTABLE"))
                .body("offeredProposal.modality.individualSessionsPerWeek", equalTo(5))
                .body("offeredProposal.modality.weeklyHours", equalTo(9.5f))
                .body("offeredProposal.interventions.modality", contains("individual", "group"))
                .body("offeredProposal.interventions.id", contains("I1", "I2"))
                .body("offeredProposal.interventions[0].responsibleClinicianId", equalTo(clinician.toString()))
                .body("offeredProposal.stepUp.kind", equalTo("modality"))
                .body("offeredProposal.stepUp.to", equalTo("mixed"))
                .body("offeredProposal.rationale", containsString("group comfort UNCOMFORTABLE"))
                .body("offeredProposal.offeredAt", notNullValue())
                .body("version", equalTo((int) before + 1));
        assertThat(count(ds, "select count(*) from plan_modality_change where plan_id = ?", UUID.fromString(id))).isZero();

        await().atMost(EVENT_TIMEOUT).until(() -> offers(id).size() == 1);
        ConsumerRecord<String, String> record = offers(id).get(0);
        assertThat(header(record, "ce_source")).isEqualTo("/iop/plan-service");
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        PlanProposalOffered offer = EventFixtures.JSON.readValue(record.value(), PlanProposalOffered.class);
        assertThat(offer.planId().toString()).isEqualTo(id);
        assertThat(offer.patientId()).isEqualTo(patient);
        assertThat(offer.primaryClinicianId()).isEqualTo(clinician);
        assertThat(offer.planVersion()).isEqualTo(before + 1);
        assertThat(offer.step()).isEqualTo("individual-heavy");
        assertThat(offer.modality().individualSessionsPerWeek()).isEqualTo(5);
        assertThat(offer.modality().groupHoursPerWeek()).isEqualTo(4.5);
        assertThat(offer.stepUpKind()).isEqualTo("modality");
        assertThat(offer.stepUpTo()).isEqualTo("mixed");
        assertThat(offer.changes()).containsExactly("groupComfort");
        assertThat(offer.patientVersion()).isEqualTo(2);
        assertThat(offer.part2()).isFalse();
        assertThat(record.value()).doesNotContain("rationale").doesNotContain("Individual psychotherapy");
        // the plan's own events say nothing new: the prescription did not change
        assertThat(new TopicReader(bootstrap).read(Topics.PLANS, r -> id.equals(r.key())
                && EventTypes.PLAN_MODALITY_CHANGED.equals(header(r, "ce_type")))).isEmpty();
    }

    @Test
    void aRedeliveredReplayedOrOlderEventOffersNothingAgain() {
        String id = activePlan();
        String eventId = fixtures.events().patientEvent(EventTypes.PATIENT_PREFERENCES_CHANGED, patientAt(2, "HESITANT", "INDIVIDUAL").build());
        ReadModelProbe.awaitPatient(ds, patient, 2);
        long offered = planVersion(id);
        String offeredAt = get("clinician", PLANS + "/" + id).statusCode(200)
                .body("offeredProposal.step", equalTo("individual-heavy"))
                .body("offeredProposal.reason", equalTo("group comfort COMFORTABLE -> HESITANT; preferred modality NO_PREFERENCE -> INDIVIDUAL"))
                .extract().path("offeredProposal.offeredAt");

        // the same event again (same ce_id), the same state as a new event, and an older state
        ConsumerRecord<String, String> original = new TopicReader(bootstrap).read(Topics.PARTICIPANTS,
                r -> eventId.equals(header(r, "ce_id"))).get(0);
        ReadModelProbe.awaitConsumed(bootstrap, fixtures.events().redeliver(original));
        ReadModelProbe.awaitConsumed(bootstrap, fixtures.events().patientEventLocated(EventTypes.PATIENT_PREFERENCES_CHANGED,
                patientAt(2, "HESITANT", "INDIVIDUAL").build()));
        ReadModelProbe.awaitConsumed(bootstrap, fixtures.events().patientEventLocated(EventTypes.PATIENT_UPDATED,
                patientAt(1, "UNCOMFORTABLE", "GROUP").build()));
        // a later event that changes neither comfort nor preference
        fixtures.patientEvent(EventTypes.PATIENT_CONSENT_GRANTED, patientAt(3, "HESITANT", "INDIVIDUAL").build());

        assertThat(planVersion(id)).isEqualTo(offered);
        get("clinician", PLANS + "/" + id).statusCode(200).body("offeredProposal.offeredAt", equalTo(offeredAt));
        await().atMost(EVENT_TIMEOUT).until(() -> count(ds, "select count(*) from outbox where payload like ?", "%" + id + "%") == 0);
        assertThat(offers(id)).hasSize(1);
    }

    @Test
    void aChangeBackToWhatThePlanPrescribesWithdrawsTheOfferAndApplyingAnOfferClearsIt() throws Exception {
        String id = activePlan();
        fixtures.patientEvent(EventTypes.PATIENT_PREFERENCES_CHANGED, patientAt(2, "UNCOMFORTABLE", "NO_PREFERENCE").build());
        get("clinician", PLANS + "/" + id).statusCode(200).body("offeredProposal.step", equalTo("individual-heavy"));
        fixtures.patientEvent(EventTypes.PATIENT_PREFERENCES_CHANGED, patientAt(3, "COMFORTABLE", "NO_PREFERENCE").build());
        get("clinician", PLANS + "/" + id).statusCode(200).body("$", not(hasKey("offeredProposal")));

        fixtures.patientEvent(EventTypes.PATIENT_PREFERENCES_CHANGED, patientAt(4, "COMFORTABLE", "INDIVIDUAL").build());
        ExtractableResponse<Response> read = get("clinician", PLANS + "/" + id).statusCode(200)
                .body("offeredProposal.step", equalTo("mixed")).extract();
        await().atMost(EVENT_TIMEOUT).until(() -> offers(id).size() == 2);

        // the plan read with its offer can be put back (the offer is read-only and unchanged)
        ObjectNode plan = (ObjectNode) JSON.readTree(read.asString());
        plan.put("rationale", "Reviewed the offer");
        given().header("Authorization", TestTokens.bearer("clinician")).header("If-Match", read.header("ETag")).contentType("application/json")
                .body(plan.toString()).when().put(PLANS + "/" + id).then().statusCode(200)
                .body("offeredProposal.step", equalTo("mixed"));

        // applying it: a switch carrying the offered interventions
        JsonNode offered = plan.get("offeredProposal").get("interventions");
        post("clinician", PLANS + "/" + id + "/modality-changes", "{\"interventions\":" + offered + ",\"reason\":\"prefers individual work\","
                + "\"effectiveFrom\":\"2026-12-07\"}").statusCode(201)
                .body("to.individualSessionsPerWeek", equalTo(4))
                .body("to.weeklyHours", equalTo(10.0f));
        get("clinician", PLANS + "/" + id).statusCode(200)
                .body("$", not(hasKey("offeredProposal")))
                .body("modality.weeklyHours", equalTo(10.0f))
                .body("interventions.sessionsPerWeek", contains(4, 4));
    }

    @Test
    void noOfferForADraftPlanAndNoneShownToAScheduler() {
        String draft = post("clinician", PLANS, planBody(patient, clinician, null, null)).statusCode(201).extract().path("id");
        fixtures.patientEvent(EventTypes.PATIENT_PREFERENCES_CHANGED, patientAt(2, "UNCOMFORTABLE", "NO_PREFERENCE").build());
        get("clinician", PLANS + "/" + draft).statusCode(200).body("$", not(hasKey("offeredProposal")));

        activate(draft).statusCode(200);
        fixtures.patientEvent(EventTypes.PATIENT_PREFERENCES_CHANGED, patientAt(3, "UNCOMFORTABLE", "INDIVIDUAL").build());
        get("clinician", PLANS + "/" + draft).statusCode(200).body("offeredProposal.reason", equalTo(
                "preferred modality NO_PREFERENCE -> INDIVIDUAL"));
        get("scheduler", PLANS + "/" + draft).statusCode(200).body("$", not(hasKey("offeredProposal")));
    }
}
