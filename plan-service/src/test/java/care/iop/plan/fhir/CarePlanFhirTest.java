package care.iop.plan.fhir;

import static care.iop.plan.fhir.FhirApi.bundle;
import static care.iop.plan.fhir.FhirApi.clinician;
import static care.iop.plan.fhir.FhirApi.get;
import static care.iop.plan.fhir.FhirApi.included;
import static care.iop.plan.fhir.FhirApi.issue;
import static care.iop.plan.fhir.FhirApi.link;
import static care.iop.plan.fhir.FhirApi.matches;
import static care.iop.plan.fhir.FhirApi.resource;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.plan.fhir.mapping.GoalIds;
import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ValidFhir;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** CarePlan: read, vread, conditional read, every search of the issue's table, paging, _lastUpdated and _include. */
@QuarkusTest
class CarePlanFhirTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;
    UUID patient;
    UUID clinicianId;
    String planId;

    @BeforeEach
    void plan() {
        fixtures = new PlanFixtures(bootstrap, ds);
        UUID[] ids = fixtures.patientAndClinician();
        patient = ids[0];
        clinicianId = ids[1];
        planId = FhirApi.structuredPlan(fixtures, patient, clinicianId);
    }

    @Test
    void readIsAUsCoreCarePlanWithItsETag() {
        Response response = get(clinician(), "/CarePlan/" + planId);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith(FhirApi.FHIR_JSON);
        CarePlan plan = resource(response, CarePlan.class);
        assertThat(response.header("ETag")).isEqualTo("W/\"" + plan.getMeta().getVersionId() + "\"");
        assertThat(plan.getIdPart()).isEqualTo(planId);
        assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.DRAFT);
        assertThat(plan.getSubject().getReference()).isEqualTo("Patient/" + patient);
        assertThat(plan.getAuthor().getReference()).isEqualTo("Practitioner/" + clinicianId);
        assertThat(plan.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("assess-plan");
        assertThat(plan.getGoal()).extracting(Reference::getReference).containsExactly("Goal/" + planId + ".G1",
                "Goal/" + GoalIds.of(UUID.fromString(planId), "goal_stay_sober"));
        assertThat(plan.getActivity()).hasSize(2);
        assertThat(plan.getAddressesFirstRep().getDisplay()).startsWith("F32.1");
        ValidFhir.assertValid(plan);
        assertThat(FhirApi.rows(ds, "select count(*) from audit_event where resource_type = 'CarePlan' and resource_id = ? and action = 'READ'",
                planId)).isPositive();
    }

    @Test
    void vreadServesTheCurrentVersionOnlyAndIfNoneMatchAnswers304() {
        CarePlan plan = resource(get(clinician(), "/CarePlan/" + planId), CarePlan.class);
        String version = plan.getMeta().getVersionId();

        Response current = get(clinician(), "/CarePlan/" + planId + "/_history/" + version);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(resource(current, CarePlan.class).getMeta().getVersionId()).isEqualTo(version);

        Response older = get(clinician(), "/CarePlan/" + planId + "/_history/" + (Long.parseLong(version) + 7));
        assertThat(older.statusCode()).isEqualTo(404);
        assertThat(issue(older).getCode().toCode()).isEqualTo("not-found");

        Response notModified = given().header("Authorization", clinician()).header("If-None-Match", "W/\"" + version + "\"")
                .get(FhirApi.BASE + "/CarePlan/" + planId);
        assertThat(notModified.statusCode()).isEqualTo(304);
        Response changed = given().header("Authorization", clinician()).header("If-None-Match", "W/\"999\"")
                .get(FhirApi.BASE + "/CarePlan/" + planId);
        assertThat(changed.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownAndForeignIdsAreNotFound() {
        for (String id : new String[] { UUID.randomUUID().toString(), "not-a-plan" }) {
            Response response = get(clinician(), "/CarePlan/" + id);
            assertThat(response.statusCode()).as(id).isEqualTo(404);
            assertThat(issue(response).getCode().toCode()).isEqualTo("not-found");
        }
    }

    @Test
    void searchByPatientAndCategoryAndStatus() {
        String other = FhirApi.structuredPlan(fixtures, patient, clinicianId);
        PlanFixtures.changeStatus(other, "revoked").statusCode(200);

        Bundle both = bundle(get(clinician(), "/CarePlan?patient=Patient/" + patient + "&category=assess-plan"));
        assertThat(both.getTotal()).isEqualTo(2);
        assertThat(matches(both, CarePlan.class)).extracting(CarePlan::getIdPart).containsExactlyInAnyOrder(planId, other);
        matches(both, CarePlan.class).forEach(ValidFhir::assertValid);

        String system = "http://hl7.org/fhir/us/core/CodeSystem/careplan-category";
        Bundle drafts = bundle(get(clinician(), "/CarePlan?patient=" + patient + "&category=" + system + "|assess-plan&status=draft"));
        assertThat(matches(drafts, CarePlan.class)).extracting(CarePlan::getIdPart).containsExactly(planId);
        Bundle either = bundle(get(clinician(), "/CarePlan?patient=" + patient + "&category=assess-plan&status=active,revoked"));
        assertThat(matches(either, CarePlan.class)).extracting(CarePlan::getIdPart).containsExactly(other);

        assertThat(bundle(get(clinician(), "/CarePlan?patient=" + patient + "&category=longitudinal")).getTotal()).isZero();
        assertThat(bundle(get(clinician(), "/CarePlan?patient=" + patient + "&category=http://other|assess-plan")).getTotal()).isZero();
        assertThat(bundle(get(clinician(), "/CarePlan?patient=" + patient + "&status=unknown-status")).getTotal()).isZero();
    }

    @Test
    void pagingLinksCarryTheParametersAndWalkThePages() {
        String second = FhirApi.structuredPlan(fixtures, patient, clinicianId);
        PlanFixtures.changeStatus(second, "revoked").statusCode(200);

        Bundle first = bundle(get(clinician(), "/CarePlan?patient=" + patient + "&category=assess-plan&_count=1"));
        assertThat(first.getTotal()).isEqualTo(2);
        assertThat(first.getEntry()).hasSize(1);
        assertThat(link(first, "self")).contains("patient=" + patient).contains("_count=1").contains("_offset=0");
        assertThat(link(first, "previous")).isNull();
        String next = link(first, "next");
        assertThat(next).contains("category=assess-plan").contains("_count=1").contains("_offset=1");

        Bundle last = bundle(get(clinician(), next.substring(next.indexOf("/CarePlan"))));
        assertThat(last.getEntry()).hasSize(1);
        assertThat(link(last, "next")).isNull();
        assertThat(link(last, "previous")).contains("_offset=0");
        assertThat(matches(last, CarePlan.class).get(0).getIdPart()).isNotEqualTo(matches(first, CarePlan.class).get(0).getIdPart());
    }

    @Test
    void lastUpdatedSelectsByTheLastChange() {
        String before = Instant.now().minusSeconds(3600).toString();
        String after = Instant.now().plusSeconds(3600).toString();

        assertThat(bundle(get(clinician(), "/CarePlan?patient=" + patient + "&_lastUpdated=ge" + before)).getTotal()).isEqualTo(1);
        assertThat(bundle(get(clinician(), "/CarePlan?patient=" + patient + "&_lastUpdated=gt" + after)).getTotal()).isZero();
        assertThat(bundle(get(clinician(), "/CarePlan?patient=" + patient + "&_lastUpdated=lt" + before)).getTotal()).isZero();
    }

    @Test
    void includeGoalBringsThePlansGoals() {
        Bundle bundle = bundle(get(clinician(), "/CarePlan?patient=" + patient + "&category=assess-plan&_include=CarePlan:goal"));

        assertThat(matches(bundle, CarePlan.class)).hasSize(1);
        assertThat(included(bundle)).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOf(Goal.class));
        assertThat(included(bundle)).extracting(r -> r.getIdPart()).contains(planId + ".G1");
        assertThat(bundle.getEntry()).allSatisfy(e -> assertThat(e.getFullUrl()).contains("/fhir/R4/" + e.getResource().fhirType() + "/"));
        included(bundle).forEach(ValidFhir::assertValid);
    }

    @Test
    void badParametersAre400NamingThem() {
        for (String query : new String[] { "subject=Patient/" + patient, "status:not=active", "_count=many", "patient=Group/" + patient,
                "_lastUpdated=yesterday", "_include=CarePlan:subject", "patient=not-a-uuid" }) {
            Response response = get(clinician(), "/CarePlan?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(issue(response).getExpression()).as(query).isNotEmpty();
            assertThat(query).startsWith(issue(response).getExpression().get(0).getValue());
        }
    }

    @Test
    void aSchedulerSeesThePlanWithoutItsClinicalContent() {
        CarePlan plan = resource(get(FhirApi.token("scheduler", FhirApi.STAFF_SCOPES), "/CarePlan/" + planId), CarePlan.class);

        assertThat(plan.hasGoal()).isFalse();
        assertThat(plan.hasAddresses()).isFalse();
        assertThat(plan.hasDescription()).isFalse();
        assertThat(plan.getActivity()).hasSize(2).allSatisfy(a -> assertThat(a.getDetail().hasDescription()).isFalse());
        ValidFhir.assertValid(plan);
    }
}
