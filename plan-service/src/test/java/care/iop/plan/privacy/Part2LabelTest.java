package care.iop.plan.privacy;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.START;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.post;
import static care.iop.plan.support.PlanFixtures.put;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.plan.support.ReadModelProbe.count;
import static care.iop.plan.support.ReadModelProbe.value;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import care.iop.events.BookingState;
import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.plan.privacy.Part2Cohort.Case;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ReadModelProbe;
import care.iop.testing.TestTokens;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * plan-service's Part 2 label: taken from the patient events and from the plans' problems, sticky once set, published
 * in every PlanState; and the disclosure consents kept from the patient events (replaced with each applied event,
 * never by an older one).
 */
@QuarkusTest
class Part2LabelTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void everyPlanEventCarriesThePlansLabel(Case c) {
        String plan = Part2Cohort.get(bootstrap, ds).of(c).planId();
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            // created, signed (patient, author), status changed, modality changed, review recorded
            assertThat(planLabels(plan)).hasSize(6).containsOnly(c.part2);
        });
    }

    @Test
    void aPlanWithAnSudDiagnosisLabelsItsPatientForGoodAndWithItEveryOtherPlan() {
        UUID clinician = fixtures.clinician();
        UUID patient = fixtures.register(EventFixtures.patient(UUID.randomUUID()).build()).patientId();
        String before = createPlan(patient, clinician, "F32.1");
        assertThat(value(ds, "select part2 from known_patient where patient_id = ?", patient)).isEqualTo(false);
        int status = given().header("Authorization", Part2MatrixTest.Caller.EHR_A.token("label-" + UUID.randomUUID(), null))
                .when().get(PLANS + "/" + before).statusCode();
        assertThat(status).isEqualTo(200);

        // a second plan with an opioid use disorder (lower-case, undotted) labels the patient
        String sud = createPlan(patient, clinician, "f1120");
        assertThat(value(ds, "select part2 from known_patient where patient_id = ?", patient)).isEqualTo(true);
        // the first plan is now a Part 2 record too: its next event says so, and an integration no longer sees it
        put("clinician", PLANS + "/" + before + "/status", "{\"status\":\"revoked\"}").statusCode(200);
        // the SUD diagnosis removed from the second plan: the patient stays labelled
        given().header("Authorization", TestTokens.bearer("clinician")).header("If-Match", "*").contentType("application/json")
                .body("{\"startDate\":\"" + START + "\",\"durationWeeks\":12,\"reviewIntervalDays\":30,"
                        + "\"problems\":[{\"code\":\"F32.1\",\"display\":\"Depression\"}],\"goals\":[]}")
                .when().put(PLANS + "/" + sud).then().statusCode(200);
        // a later patient event saying "not Part 2" does not clear it either
        fixtures.patientEvent(EventTypes.PATIENT_UPDATED, EventFixtures.patient(patient).part2(false).version(2).build());
        assertThat(value(ds, "select part2 from known_patient where patient_id = ?", patient)).isEqualTo(true);

        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            assertThat(planLabels(before)).containsExactly(false, true);
            assertThat(planLabels(sud)).containsExactly(true, true);
        });
        given().header("Authorization", Part2MatrixTest.Caller.EHR_A.token("label-" + UUID.randomUUID(), null))
                .when().get(PLANS + "/" + before).then().statusCode(404);
    }

    @Test
    void theParticipantLabelIsStickyAndABookingOrAttendanceLabelCountsToo() {
        UUID sud = fixtures.register(EventFixtures.patient(UUID.randomUUID()).track("ADULT_SUD").build()).patientId();
        assertThat(value(ds, "select part2 from known_patient where patient_id = ?", sud)).isEqualTo(true);
        fixtures.patientEvent(EventTypes.PATIENT_UPDATED, EventFixtures.patient(sud).track("ADULT_MH").version(2).build());
        assertThat(value(ds, "select track from known_patient where patient_id = ?", sud)).isEqualTo("ADULT_MH");
        assertThat(value(ds, "select part2 from known_patient where patient_id = ?", sud)).isEqualTo(true);

        UUID booked = fixtures.register(EventFixtures.patient(UUID.randomUUID()).build()).patientId();
        UUID session = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.parse("2026-12-08T15:00:00Z");
        fixtures.events().publish(Topics.SESSIONS, session.toString(), EventTypes.BOOKING_CONFIRMED,
                new BookingState(session, booked, "GROUP", start, start.plusHours(3), "BOOKED", null, false, null, true));
        await().atMost(EVENT_TIMEOUT).until(() -> Boolean.TRUE.equals(value(ds, "select part2 from known_patient where patient_id = ?", booked)));
    }

    @Test
    void disclosureConsentsAreReplacedByEachAppliedEventAndNeverByAnOlderOne() {
        UUID patient = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        LocalDate expires = LocalDate.of(2027, 3, 31);
        fixtures.register(EventFixtures.patient(patient).track("ADULT_SUD")
                .disclosureConsent(first, "ehr-a", List.of("TREATMENT"), expires).build());
        assertThat(count(ds, "select count(*) from known_consent where patient_id = ? and consent_id = ? and recipient_id = 'ehr-a'"
                + " and purposes = '{TREATMENT}' and expires_on = ?", patient, first, expires)).isEqualTo(1);

        // HL7 codes are kept as purpose names; an unknown purpose covers nothing; a GROUP_PARTICIPATION consent is not kept here
        fixtures.patientEvent(EventTypes.PATIENT_CONSENT_GRANTED, EventFixtures.patient(patient).track("ADULT_SUD")
                .disclosureConsent(second, "ehr-b", List.of("HPAYMT", "TREAT", "MARKETING"), expires).version(3).build());
        assertThat(count(ds, "select count(*) from known_consent where patient_id = ?", patient)).isEqualTo(1);
        assertThat(value(ds, "select array_to_string(purposes, ',') from known_consent where patient_id = ? and consent_id = ?", patient, second))
                .isEqualTo("PAYMENT,TREATMENT");

        // an older event arriving late changes nothing, once consumed: the consent it carried stays replaced
        ReadModelProbe.awaitConsumed(bootstrap, fixtures.events().patientEventLocated(EventTypes.PATIENT_UPDATED,
                EventFixtures.patient(patient).track("ADULT_SUD").disclosureConsent(first, "ehr-a", List.of("TREATMENT"), expires).version(2).build()));
        assertThat(value(ds, "select version from known_patient where patient_id = ?", patient)).isEqualTo(3L);
        assertThat(count(ds, "select count(*) from known_consent where patient_id = ?", patient)).isEqualTo(1);
        assertThat(count(ds, "select count(*) from known_consent where patient_id = ? and consent_id = ?", patient, second)).isEqualTo(1);
        // a newer one without consents empties them
        fixtures.patientEvent(EventTypes.PATIENT_CONSENT_REVOKED, EventFixtures.patient(patient).track("ADULT_SUD").version(4).build());
        assertThat(count(ds, "select count(*) from known_consent where patient_id = ?", patient)).isZero();
    }

    private String createPlan(UUID patient, UUID clinician, String problem) {
        return post("clinician", PLANS, "{\"patientId\":\"" + patient + "\",\"primaryClinicianId\":\"" + clinician + "\",\"levelOfCare\":\"2.1\","
                + "\"startDate\":\"" + START + "\",\"durationWeeks\":12,\"problems\":[{\"code\":\"" + problem + "\",\"display\":\"x\"}],"
                + "\"modality\":" + modality(1, 50, 8.5, 0) + "}").statusCode(201).extract().path("id");
    }

    /** The {@code part2} field of each event of the plan on iop.plans, oldest first, as it is on the wire. */
    private List<Object> planLabels(String planId) {
        List<ConsumerRecord<String, String>> records = new TopicReader(bootstrap).readByKey(Topics.PLANS, planId);
        return records.stream().map(r -> {
            try {
                JsonNode label = EventFixtures.JSON.readTree(r.value()).get("part2");
                return (Object) (label == null || label.isNull() ? null : label.asBoolean());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
