package care.iop.plan.rest;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.changeStatus;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.ReadModelProbe.EVENT_TIMEOUT;
import static care.iop.testing.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import care.iop.events.EventTypes;
import care.iop.events.Topics;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlanLifecycleTest {
    static final List<String> ALL = List.of("draft", "active", "on-hold", "revoked", "completed", "entered-in-error");

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    /** A fresh plan, its version 1 signed, brought to {@code status} through allowed transitions. */
    private String planIn(String status) {
        String id = fixtures.draftPlan();
        PlanFixtures.signCurrentVersion(id);
        List<String> path = switch (status) {
            case "draft" -> List.of();
            case "active" -> List.of("active");
            case "on-hold" -> List.of("active", "on-hold");
            case "completed" -> List.of("active", "completed");
            case "revoked" -> List.of("revoked");
            case "entered-in-error" -> List.of("entered-in-error");
            default -> throw new IllegalArgumentException(status);
        };
        path.forEach(s -> changeStatus(id, s).statusCode(200).body("status", equalTo(s)));
        return id;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "draft, active", "active, on-hold", "on-hold, active", "active, completed", "on-hold, completed",
            "draft, revoked", "active, revoked", "on-hold, revoked", "draft, entered-in-error" })
    void allowedTransitionsSucceedAndAreKept(String from, String to) {
        String id = planIn(from);
        changeStatus(id, to).statusCode(200).body("status", equalTo(to)).header("ETag", org.hamcrest.Matchers.notNullValue());
        get("clinician", PLANS + "/" + id + "/status-history").statusCode(200)
                .body("[-1].from", equalTo(from)).body("[-1].to", equalTo(to)).body("[-1].reason", equalTo("test"))
                .body("[-1].changedBy", equalTo("test-clinician")).body("[0].to", equalTo("draft"));
    }

    @ParameterizedTest(name = "from {0}")
    @CsvSource({ "draft, 'active, revoked, entered-in-error'", "active, 'on-hold, revoked, completed'",
            "on-hold, 'active, revoked, completed'", "completed, none", "revoked, none", "entered-in-error, none" })
    void everyOtherTransitionIs409ListingTheAllowedOnes(String from, String allowed) {
        String id = planIn(from);
        Set<String> ok = allowed.equals("none") ? Set.of() : Set.of(allowed.split(", "));
        for (String to : ALL) {
            if (ok.contains(to)) {
                continue;
            }
            changeStatus(id, to).statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("allowed: " + allowed));
        }
        get("clinician", PLANS + "/" + id).statusCode(200).body("status", equalTo(from));
    }

    @Test
    void unknownStatusIs400() {
        String id = fixtures.draftPlan();
        changeStatus(id, "finished").statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void aPatientHasAtMostOneActiveOrOnHoldPlan() {
        UUID[] ids = fixtures.patientAndClinician();
        String first = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        String second = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        PlanFixtures.signCurrentVersion(second);
        PlanFixtures.activate(first).statusCode(200);
        changeStatus(second, "active").statusCode(409).body("detail", containsString(first));
        changeStatus(first, "on-hold").statusCode(200);
        changeStatus(second, "active").statusCode(409);
        changeStatus(first, "completed").statusCode(200);
        changeStatus(second, "active").statusCode(200);
    }

    @Test
    void aDischargedPatientsDraftIsRevokedAndCannotBeActivated() {
        UUID[] ids = fixtures.patientAndClinician();
        String id = fixtures.createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
        fixtures.patientEvent(EventTypes.PATIENT_DISCHARGED, EventFixtures.patient(ids[0]).discharged(PlanFixtures.today()).version(2).build());
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> get("clinician", PLANS + "/" + id).statusCode(200).body("status", equalTo("revoked")));
        changeStatus(id, "active").statusCode(409);
    }

    @Test
    void statusChangePublishesTheNewStatus() {
        String id = fixtures.draftPlan();
        PlanFixtures.activate(id).statusCode(200);
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = new TopicReader(bootstrap).readByKey(Topics.PLANS, id);
            assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly(EventTypes.PLAN_CREATED, EventTypes.PLAN_SIGNED,
                    EventTypes.PLAN_SIGNED, EventTypes.PLAN_STATUS_CHANGED);
            assertThat(records.get(3).value()).contains("\"status\":\"active\"").contains("\"groupHoursPerWeek\":8.5");
        });
    }
}
