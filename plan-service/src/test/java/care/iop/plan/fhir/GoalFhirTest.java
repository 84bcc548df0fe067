package care.iop.plan.fhir;

import static care.iop.plan.fhir.FhirApi.bundle;
import static care.iop.plan.fhir.FhirApi.clinician;
import static care.iop.plan.fhir.FhirApi.get;
import static care.iop.plan.fhir.FhirApi.issue;
import static care.iop.plan.fhir.FhirApi.matches;
import static care.iop.plan.fhir.FhirApi.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Goal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.plan.fhir.mapping.GoalIds;
import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ValidFhir;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Goal: read (also by a hashed id), vread, search by patient and lifecycle-status; a scheduler reads no goals. */
@QuarkusTest
class GoalFhirTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    UUID patient;
    String planId;

    @BeforeEach
    void plan() {
        PlanFixtures fixtures = new PlanFixtures(bootstrap, ds);
        UUID[] ids = fixtures.patientAndClinician();
        patient = ids[0];
        planId = FhirApi.structuredPlan(fixtures, patient, ids[1]);
    }

    @Test
    void readAGoalWithItsObjectivesAsTargets() {
        Response response = get(clinician(), "/Goal/" + planId + ".G1");

        assertThat(response.statusCode()).isEqualTo(200);
        Goal goal = resource(response, Goal.class);
        assertThat(response.header("ETag")).isEqualTo("W/\"" + goal.getMeta().getVersionId() + "\"");
        assertThat(goal.getDescription().getText()).isEqualTo("Mood lifts enough to go back to work");
        assertThat(goal.getLifecycleStatus()).isEqualTo(Goal.GoalLifecycleStatus.PROPOSED);
        assertThat(goal.getSubject().getReference()).isEqualTo("Patient/" + patient);
        assertThat(goal.getTarget()).hasSize(3);
        assertThat(goal.getTarget()).extracting(t -> t.getDueDateType().getValueAsString()).containsExactly("2027-01-11", "2026-12-28", "2027-02-22");
        ValidFhir.assertValid(goal);
        assertThat(get(clinician(), "/Goal/" + planId + ".G1/_history/" + goal.getMeta().getVersionId()).statusCode()).isEqualTo(200);
        assertThat(get(clinician(), "/Goal/" + planId + ".G1/_history/99").statusCode()).isEqualTo(404);
    }

    @Test
    void aGoalWhoseIdIsNoFhirIdIsFoundByItsHashedId() {
        String id = GoalIds.of(UUID.fromString(planId), "goal_stay_sober");

        Goal goal = resource(get(clinician(), "/Goal/" + id), Goal.class);

        assertThat(goal.getIdPart()).isEqualTo(id);
        assertThat(goal.getDescription().getText()).isEqualTo("Stays sober");
        assertThat(goal.getTargetFirstRep().getMeasure().getCodingFirstRep().getCode()).isEqualTo("75624-7");
        ValidFhir.assertValid(goal);
    }

    @Test
    void unknownGoalsAreNotFound() {
        for (String id : new String[] { planId + ".G9", UUID.randomUUID() + ".G1", "G1", planId }) {
            Response response = get(clinician(), "/Goal/" + id);
            assertThat(response.statusCode()).as(id).isEqualTo(404);
            assertThat(issue(response).getCode().toCode()).isEqualTo("not-found");
        }
    }

    @Test
    void searchByPatientAndLifecycleStatus() {
        Bundle all = bundle(get(clinician(), "/Goal?patient=" + patient));
        assertThat(all.getTotal()).isEqualTo(2);
        matches(all, Goal.class).forEach(ValidFhir::assertValid);

        assertThat(bundle(get(clinician(), "/Goal?patient=" + patient + "&lifecycle-status=proposed")).getTotal()).isEqualTo(2);
        assertThat(bundle(get(clinician(), "/Goal?patient=" + patient + "&lifecycle-status=active,completed")).getTotal()).isZero();
        Bundle page = bundle(get(clinician(), "/Goal?patient=Patient/" + patient + "&_count=1&_offset=1"));
        assertThat(page.getTotal()).isEqualTo(2);
        assertThat(matches(page, Goal.class)).hasSize(1);
        assertThat(FhirApi.link(page, "previous")).contains("_offset=0");
    }

    @Test
    void aGoalSearchNeedsThePatient() {
        Response response = get(clinician(), "/Goal?lifecycle-status=active");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(issue(response).getExpression().get(0).getValue()).isEqualTo("patient");
    }

    @Test
    void schedulersReadNoGoals() {
        String scheduler = FhirApi.token("scheduler", FhirApi.STAFF_SCOPES);

        assertThat(get(scheduler, "/Goal/" + planId + ".G1").statusCode()).isEqualTo(403);
        assertThat(get(scheduler, "/Goal?patient=" + patient).statusCode()).isEqualTo(403);
    }
}
