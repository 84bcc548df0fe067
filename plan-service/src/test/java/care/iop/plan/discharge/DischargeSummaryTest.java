package care.iop.plan.discharge;

import static care.iop.plan.discharge.DischargeFixtures.assessment;
import static care.iop.plan.discharge.DischargeFixtures.get;
import static care.iop.plan.discharge.DischargeFixtures.path;
import static care.iop.plan.discharge.DischargeFixtures.put;
import static care.iop.plan.discharge.DischargeFixtures.sign;
import static care.iop.plan.discharge.DischargeFixtures.staff;
import static care.iop.plan.discharge.DischargeFixtures.summaries;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.events.DischargeSummarySigned;
import care.iop.events.EventTypes;
import care.iop.events.PatientState;
import care.iop.events.Topics;
import care.iop.plan.discharge.service.DischargeSummaryWorklistSource;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ReadModelProbe;
import care.iop.platform.worklist.WorklistItem;
import care.iop.platform.worklist.WorklistItemKind;
import care.iop.testing.TestTokens;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The discharge summary end to end: a real patient.discharged event on Kafka drafts it pre-filled (scores at admission and
 * discharge from stored assessments, objectives met and not met, level, assignment, due time), a redelivery drafts no second
 * one, a clinician edits and signs it (reason and date must agree with the discharge), the signed summary is locked and its
 * event is on iop.plans.
 */
@QuarkusTest
class DischargeSummaryTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    DischargeSummaryWorklistSource worklist;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;
    LocalDate admitted;
    LocalDate discharged;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
        admitted = PlanFixtures.today().minusDays(30);
        discharged = PlanFixtures.today().minusDays(1);
    }

    @Test
    void theDischargeEventDraftsAPrefilledSummaryOnceAndTheClinicianSignsItThenItIsLocked() {
        UUID patient = UUID.randomUUID();
        fixtures.register(EventFixtures.patient(patient).admittedOn(admitted).build());
        UUID clinician = fixtures.clinician();
        DischargeFixtures.planWithObjectives(patient, clinician, admitted);
        assessment(patient, Instrument.PHQ9, admitted.minusDays(16), 22); // before the baseline window
        assessment(patient, Instrument.PHQ9, admitted.minusDays(3), 18);  // the baseline: nearest to admission
        assessment(patient, Instrument.PHQ9, admitted.plusDays(5), 15);
        assessment(patient, Instrument.PHQ9, discharged.minusDays(10), 9);
        assessment(patient, Instrument.PHQ9, discharged, 6);              // the discharge score: latest on the discharge day
        assessment(patient, Instrument.GAD7, admitted.plusDays(7), 12);   // baseline at the window's last day, nothing later

        PatientState discharge = EventFixtures.patient(patient).admittedOn(admitted).discharged(discharged, "COMPLETED").version(2).build();
        fixtures.patientEvent(EventTypes.PATIENT_DISCHARGED, discharge);
        await().atMost(EVENT_TIMEOUT).until(() -> summaries(ds, patient) == 1);

        OffsetDateTime due = discharged.plusDays(8).atStartOfDay(PlanFixtures.PROGRAM_ZONE).toOffsetDateTime();
        var draft = get(staff("clinician"), patient).statusCode(200).header("ETag", equalTo("\"0\""))
                .body("status", equalTo("DRAFT")).body("reason", equalTo("COMPLETED")).body("dischargedOn", equalTo(discharged.toString()))
                .body("levelOfCare", equalTo("2.1")).body("admittedOn", equalTo(admitted.toString()))
                .body("assignedClinicianId", equalTo(clinician.toString()))
                .body("discharge.reason", equalTo("COMPLETED")).body("mismatch", nullValue())
                .body("scores", hasSize(2))
                .body("scores[0].instrument", equalTo("PHQ9")).body("scores[0].admission.total", equalTo(18))
                .body("scores[0].discharge.total", equalTo(6)).body("scores[0].change", equalTo(-12))
                .body("scores[1].instrument", equalTo("GAD7")).body("scores[1].admission.total", equalTo(12))
                .body("scores[1].discharge", nullValue())
                .body("objectivesMet.objectiveId", equalTo(List.of("O1")))
                .body("objectivesNotMet.objectiveId", equalTo(List.of("O2", "O3")))
                .body("objectivesNotMet[0].goalId", equalTo("G1"))
                .extract();
        assertThat(OffsetDateTime.parse(draft.path("dueAt")).toInstant()).isEqualTo(due.toInstant());

        // redelivery (same event id) and a repeat (new id, same state): no second summary, the draft unchanged
        ConsumerRecord<String, String> original = new TopicReader(bootstrap).read(Topics.PARTICIPANTS,
                r -> patient.toString().equals(r.key()) && EventTypes.PATIENT_DISCHARGED.equals(header(r, "ce_type"))).get(0);
        ReadModelProbe.awaitConsumed(bootstrap, fixtures.events().redeliver(original));
        ReadModelProbe.awaitConsumed(bootstrap, fixtures.events().patientEventLocated(EventTypes.PATIENT_DISCHARGED, discharge));
        assertThat(summaries(ds, patient)).isEqualTo(1);
        get(staff("clinician"), patient).statusCode(200).header("ETag", equalTo("\"0\""));

        // on the assigned clinician's worklist, overdue from the due instant on, gone once signed
        assertThat(worklistOf(clinician, due.minusSeconds(1), due)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(WorklistItemKind.DISCHARGE_SUMMARY);
            assertThat(item.overdue()).isFalse();
            assertThat(item.action().method()).isEqualTo("POST");
            assertThat(item.action().href()).isEqualTo(path(patient) + "/signature");
            assertThat(item.summary()).doesNotContain(patient.toString());
        });
        assertThat(worklistOf(clinician, due, due)).singleElement().satisfies(item -> assertThat(item.overdue()).isTrue());
        assertThat(worklistOf(clinician, due.minusDays(2), due.minusSeconds(1))).isEmpty();

        // edit: If-Match required; a reason other than the discharge's is refused at signing, naming reason, and nothing changes
        put(staff("clinician"), patient, null, "{\"aftercarePlan\":\"x\"}").statusCode(428);
        put(staff("clinician"), patient, "\"0\"", "{\"reason\":\"OTHER\"," + aftercare()).statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("reason", equalTo("OTHER")).body("referrals", hasSize(2))
                .body("referrals[0].organisation", equalTo("Riverside Community Mental Health"));
        String signer = TestTokens.clinician(clinician);
        sign(signer, patient).statusCode(422).body("errors[0].field", equalTo("reason"));
        get(staff("clinician"), patient).statusCode(200).body("status", equalTo("DRAFT"));
        put(staff("clinician"), patient, "\"1\"", "{\"reason\":\"COMPLETED\"," + aftercare()).statusCode(200);

        // a patient never reads a draft
        get(TestTokens.patient(patient), patient).statusCode(404);

        sign(signer, patient).statusCode(201).header("Location", endsWith(path(patient)))
                .body("status", equalTo("SIGNED")).body("signedBy", equalTo("test-clinician-" + clinician))
                .body("signerClinicianId", equalTo(clinician.toString())).body("reason", equalTo("COMPLETED"));
        assertThat(worklistOf(clinician, due, due)).isEmpty();

        // the event: ids and codes, no narrative
        await().atMost(EVENT_TIMEOUT).until(() -> signedEvents(patient).size() == 1);
        ConsumerRecord<String, String> event = signedEvents(patient).get(0);
        assertThat(event.value()).doesNotContain("Riverside").doesNotContain("aftercare");
        DischargeSummarySigned signed = read(event);
        assertThat(signed.reasonCode()).isEqualTo("COMPLETED");
        assertThat(signed.dischargedOn()).isEqualTo(discharged);
        assertThat(signed.patientId()).isEqualTo(patient);
        assertThat(signed.summaryId()).hasToString(get(staff("admin"), patient).extract().path("id"));

        // locked
        put(staff("clinician"), patient, "*", "{\"aftercarePlan\":\"changed\"}").statusCode(409);
        sign(signer, patient).statusCode(409);
        get(staff("clinician"), patient).statusCode(200).body("aftercarePlan", containsString("Weekly outpatient"));

        // the patient reads its own signed summary, not another's
        get(TestTokens.patient(patient), patient).statusCode(200).body("status", equalTo("SIGNED"))
                .body("referrals", hasSize(2));
        get(TestTokens.patient(UUID.randomUUID()), patient).statusCode(404);

        // a later discharge event that disagrees is recorded on the signed summary, which stays as signed; nothing is published
        fixtures.patientEvent(EventTypes.PATIENT_DISCHARGED, EventFixtures.patient(patient).admittedOn(admitted)
                .discharged(discharged, "TRANSFERRED").version(3).build());
        await().atMost(EVENT_TIMEOUT).until(() -> ReadModelProbe.count(ds,
                "select count(*) from discharge_summary where patient_id = ? and mismatch_reason_code = 'TRANSFERRED'", patient) == 1);
        get(staff("clinician"), patient).statusCode(200).body("reason", equalTo("COMPLETED")).body("status", equalTo("SIGNED"))
                .body("mismatch.reason", equalTo("TRANSFERRED"));
        assertThat(summaries(ds, patient)).isEqualTo(1);
        assertThat(signedEvents(patient)).hasSize(1);
    }

    @Test
    void aClinicianStartsTheSummaryBeforeTheDischargeAndTheEventFillsInItsReasonAndDate() {
        UUID patient = UUID.randomUUID();
        fixtures.register(EventFixtures.patient(patient).admittedOn(admitted).build());
        UUID clinician = fixtures.clinician();
        DischargeFixtures.planWithObjectives(patient, clinician, admitted);

        // bad input names the field and creates nothing
        PlanFixtures.post("clinician", path(patient), "{\"reason\":\"FINISHED\"}").statusCode(400).body("errors[0].field", equalTo("reason"));
        PlanFixtures.post("clinician", path(patient), "{\"referrals\":[{\"service\":\"CBT\"}]}").statusCode(400)
                .body("errors[0].field", containsString("organisation"));
        assertThat(summaries(ds, patient)).isZero();

        PlanFixtures.post("clinician", path(patient), "{\"reason\":\"LEFT_AGAINST_ADVICE\",\"dischargedOn\":\"" + PlanFixtures.today()
                + "\",\"aftercarePlan\":\"Outpatient therapy weekly\"}").statusCode(201)
                .header("Location", endsWith(path(patient))).header("ETag", equalTo("\"0\""))
                .body("status", equalTo("DRAFT")).body("assignedClinicianId", equalTo(clinician.toString()))
                .body("discharge", nullValue());
        PlanFixtures.post("clinician", path(patient), "{}").statusCode(409);
        // not discharged yet: signing is refused
        sign(TestTokens.clinician(clinician), patient).statusCode(422).body("errors[0].field", equalTo("dischargedOn"));
        assertThat(worklistOf(clinician, OffsetDateTime.now(), OffsetDateTime.now().plusDays(30))).singleElement()
                .satisfies(item -> assertThat(item.action().method()).isEqualTo("PUT"));

        fixtures.patientEvent(EventTypes.PATIENT_DISCHARGED, EventFixtures.patient(patient).admittedOn(admitted)
                .discharged(discharged, "COMPLETED").version(2).build());
        await().atMost(EVENT_TIMEOUT).until(() -> ReadModelProbe.count(ds,
                "select count(*) from discharge_summary where patient_id = ? and reason_code = 'COMPLETED'", patient) == 1);
        get(staff("clinician"), patient).statusCode(200).body("reason", equalTo("COMPLETED"))
                .body("dischargedOn", equalTo(discharged.toString())).body("aftercarePlan", equalTo("Outpatient therapy weekly"))
                .body("discharge.dischargedOn", equalTo(discharged.toString()));
        assertThat(summaries(ds, patient)).isEqualTo(1);
        sign(TestTokens.clinician(clinician), patient).statusCode(201);
    }

    @Test
    void clinicalDataForCliniciansAndAdminsOnlyAndEveryReadIsAudited() {
        UUID patient = UUID.randomUUID();
        fixtures.register(EventFixtures.patient(patient).admittedOn(admitted).build());
        UUID clinician = fixtures.clinician();
        DischargeFixtures.planWithObjectives(patient, clinician, admitted);
        fixtures.patientEvent(EventTypes.PATIENT_DISCHARGED, EventFixtures.patient(patient).admittedOn(admitted)
                .discharged(discharged, "NON_ATTENDANCE").version(2).build());
        await().atMost(EVENT_TIMEOUT).until(() -> summaries(ds, patient) == 1);

        for (String role : List.of("scheduler", "integration")) {
            get(staff(role), patient).statusCode(403);
            put(staff(role), patient, "\"0\"", "{}").statusCode(403);
            sign(staff(role), patient).statusCode(403);
            PlanFixtures.get(role, "/api/v1/discharge-summaries").statusCode(403);
        }
        PlanFixtures.get("patient", "/api/v1/discharge-summaries").statusCode(403);
        sign(TestTokens.patient(patient), patient).statusCode(403);
        sign(staff("admin"), patient).statusCode(403); // the clinician signs
        get(staff("admin"), patient).statusCode(200).body("reason", equalTo("NON_ATTENDANCE"));
        get(staff("clinician"), UUID.randomUUID()).statusCode(404);

        PlanFixtures.get("admin", "/api/v1/discharge-summaries?assignedClinicianId=" + clinician + "&status=DRAFT").statusCode(200)
                .body("total", equalTo(1)).body("items[0].patientId", equalTo(patient.toString()));
        PlanFixtures.get("clinician", "/api/v1/discharge-summaries?assignedClinicianId=" + clinician + "&status=SIGNED").statusCode(200)
                .body("total", equalTo(0));
        PlanFixtures.get("clinician", "/api/v1/discharge-summaries?status=FILED").statusCode(400).body("errors[0].field", equalTo("status"));
        for (String action : List.of("READ", "SEARCH")) {
            assertThat(ReadModelProbe.count(ds, "select count(*) from audit_event where resource_type = 'DischargeSummary'"
                    + " and patient_id = ? and action = ? and outcome = 'SUCCESS'", patient, action)).as(action).isEqualTo(1);
        }
    }

    private List<WorklistItem> worklistOf(UUID clinician, OffsetDateTime now, OffsetDateTime horizon) {
        return QuarkusTransaction.requiringNew().call(() -> worklist.itemsFor(clinician, now, horizon));
    }

    private List<ConsumerRecord<String, String>> signedEvents(UUID patient) {
        return new TopicReader(bootstrap).readByKey(Topics.PLANS, patient).stream()
                .filter(r -> EventTypes.DISCHARGE_SUMMARY_SIGNED.equals(header(r, "ce_type"))).toList();
    }

    private static DischargeSummarySigned read(ConsumerRecord<String, String> record) {
        try {
            return EventFixtures.JSON.readValue(record.value(), DischargeSummarySigned.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String aftercare() {
        return care.iop.plan.discharge.rest.DischargeApiExamples.EDIT.strip().substring(1);
    }
}
