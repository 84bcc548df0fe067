package care.iop.plan.risk;

import static care.iop.plan.risk.RiskFixtures.CLINICIAN;
import static care.iop.plan.risk.RiskFixtures.FLAGS;
import static care.iop.plan.support.ReadModelProbe.value;
import static care.iop.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.plan.risk.service.OverdueCheck;
import care.iop.plan.risk.service.SafetyFlagWorklistSource;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.platform.time.ProgramTime;
import care.iop.platform.worklist.WorklistItem;
import care.iop.platform.worklist.WorklistItemKind;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A raised flag is assigned to the primary clinician of the patient's plan and due at the end of the program day; the
 * overdue check marks it once, at that instant and not a millisecond before, publishing SafetyFlagOverdue and counting it;
 * the clinician's list and worklist show it.
 */
@QuarkusTest
class SafetyFlagOverdueTest {
    /** 23:59:59 on 2 March 2026 in New York; the day ends at 05:00 UTC on the 3rd. */
    private static final OffsetDateTime RAISED = OffsetDateTime.parse("2026-03-02T23:59:59-05:00");
    private static final OffsetDateTime MIDNIGHT = OffsetDateTime.parse("2026-03-03T00:00:00-05:00");

    @Inject
    AgroalDataSource ds;

    @Inject
    OverdueCheck check;

    @Inject
    ProgramTime time;

    @Inject
    MeterRegistry registry;

    @Inject
    SafetyFlagWorklistSource worklist;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    UUID patient;
    UUID clinician;
    String flagId;

    @BeforeEach
    void flagOfAPatientWithAPlan() {
        PlanFixtures plans = new PlanFixtures(bootstrap, ds);
        UUID[] ids = plans.patientAndClinician();
        patient = ids[0];
        clinician = ids[1];
        plans.createPlan(patient, clinician, PlanFixtures.modality(1, 50, 8.5, 0));
        flagId = RiskFixtures.raiseFlag(patient);
    }

    @Test
    void aRaisedFlagIsAssignedToThePrimaryClinicianAndDueAtTheEndOfTheProgramDay() {
        OffsetDateTime raised = ((Timestamp) value(ds, "select raised_at from safety_flag where id = ?", UUID.fromString(flagId)))
                .toInstant().atOffset(ZoneOffset.UTC);
        var view = given().header("Authorization", CLINICIAN).when().get(FLAGS + "/" + flagId).then().statusCode(200)
                .body("assignedClinicianId", equalTo(clinician.toString())).body("kind", equalTo("SAFETY_FLAG"))
                .body("overdue", equalTo(false)).extract();
        assertThat(OffsetDateTime.parse(view.path("dueAt")).toInstant()).isEqualTo(time.endOf(time.dayOf(raised)).toInstant());
        given().header("Authorization", CLINICIAN).queryParam("assignedClinicianId", clinician.toString()).when().get(FLAGS).then()
                .statusCode(200).body("items.id", contains(flagId));
    }

    @Test
    void markedOverdueOnceAtTheEndOfTheDayWithAnEventAndTheCounter() throws Exception {
        movedTo(RAISED);
        double before = registry.counter(OverdueCheck.COUNTER).count();

        check.run(MIDNIGHT.minusNanos(1_000_000));
        assertThat(value(ds, "select overdue_at from safety_flag where id = ?", UUID.fromString(flagId))).isNull();

        int marked = check.run(MIDNIGHT);
        assertThat(marked).isPositive();
        assertThat(((Timestamp) value(ds, "select overdue_at from safety_flag where id = ?", UUID.fromString(flagId))).toInstant())
                .isEqualTo(MIDNIGHT.toInstant());
        assertThat(registry.counter(OverdueCheck.COUNTER).count()).isEqualTo(before + marked);

        check.run(MIDNIGHT.plusHours(1));
        assertThat(((Timestamp) value(ds, "select overdue_at from safety_flag where id = ?", UUID.fromString(flagId))).toInstant())
                .as("marked once").isEqualTo(MIDNIGHT.toInstant());

        JsonNode payload = EventFixtures.JSON.readTree(RiskFixtures.awaitEvent(bootstrap, patient, EventTypes.SAFETY_FLAG_OVERDUE).value());
        assertThat(payload.get("flagId").asText()).isEqualTo(flagId);
        assertThat(payload.get("status").asText()).isEqualTo("OPEN");
        assertThat(payload.get("assignedClinicianId").asText()).isEqualTo(clinician.toString());
        assertThat(OffsetDateTime.parse(payload.get("overdueAt").asText()).toInstant()).isEqualTo(MIDNIGHT.toInstant());
        assertThat(new TopicReader(bootstrap).readByKey(Topics.PLANS, patient).stream()
                .filter(r -> EventTypes.SAFETY_FLAG_OVERDUE.equals(header(r, "ce_type")))).hasSize(1);

        given().header("Authorization", CLINICIAN).queryParam("assignedClinicianId", clinician.toString()).queryParam("overdue", true)
                .when().get(FLAGS).then().statusCode(200).body("items.id", contains(flagId)).body("items[0].overdue", equalTo(true));
        given().header("Authorization", CLINICIAN).queryParam("assignedClinicianId", clinician.toString()).queryParam("overdue", false)
                .when().get(FLAGS).then().statusCode(200).body("items", empty());
        given().header("Authorization", CLINICIAN).queryParam("overdue", true).queryParam("size", 100)
                .when().get(FLAGS).then().statusCode(200).body("items.id", hasItem(flagId));
    }

    @Test
    void aResolvedFlagIsNotMarkedOverdue() {
        movedTo(RAISED);
        String screen = RiskFixtures.screen(patient, flagId, RiskFixtures.LOW, null);
        RiskFixtures.resolve(CLINICIAN, flagId, RiskFixtures.resolution(screen, null)).statusCode(200);
        check.run(MIDNIGHT);
        assertThat(value(ds, "select overdue_at from safety_flag where id = ?", UUID.fromString(flagId))).isNull();
        given().header("Authorization", CLINICIAN).queryParam("assignedClinicianId", clinician.toString()).queryParam("overdue", true)
                .when().get(FLAGS).then().statusCode(200).body("items.id", not(hasItem(flagId)));
    }

    @Test
    void theWorklistShowsTheFlagDueThenOverdue() {
        movedTo(RAISED);
        OffsetDateTime endOfTomorrow = time.endOf(time.dayOf(RAISED).plusDays(1));
        WorklistItem due = single(worklist.itemsFor(clinician, RAISED.plusNanos(999_000_000), endOfTomorrow).stream()
                .filter(i -> i.resourceId().toString().equals(flagId)).toList());
        assertThat(due.kind()).isEqualTo(WorklistItemKind.SAFETY_FLAG);
        assertThat(due.overdue()).isFalse();
        assertThat(due.dueAt().toInstant()).isEqualTo(MIDNIGHT.toInstant());
        assertThat(due.patientId()).isEqualTo(patient);
        assertThat(due.action().method()).isEqualTo("POST");
        assertThat(due.action().href()).isEqualTo(FLAGS + "/" + flagId + "/resolution");

        assertThat(single(worklist.itemsFor(clinician, MIDNIGHT, endOfTomorrow.plusDays(1))).overdue()).isTrue();
        assertThat(worklist.itemsFor(clinician, RAISED.minusDays(2), RAISED.minusDays(1))).as("due after the horizon").isEmpty();
        assertThat(worklist.itemsFor(UUID.randomUUID(), MIDNIGHT, endOfTomorrow)).as("another clinician's").isEmpty();
    }

    private static WorklistItem single(java.util.List<WorklistItem> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    /** Puts the flag on 2 March 2026 at 23:59:59 program time (as if raised then), due as the service computes it. */
    private void movedTo(OffsetDateTime raised) {
        RiskFixtures.placeFlag(ds, time, flagId, raised);
    }
}
