package care.iop.plan.fhir;

import static care.iop.plan.fhir.FhirApi.bundle;
import static care.iop.plan.fhir.FhirApi.get;
import static care.iop.plan.fhir.FhirApi.included;
import static care.iop.plan.fhir.FhirApi.matches;
import static care.iop.plan.fhir.FhirApi.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.fhir.Part2Labels;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ValidFhir;
import care.iop.platform.privacy.PrivacyConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * 42 CFR Part 2 on the FHIR faces, as in the JSON API: an EHR (outside the program) reads a Part 2 patient's plan and
 * goals only with that patient's consent naming it, then labelled (meta.security R, ETH, 42CFRPart2, NORDSCLCD and the
 * re-disclosure notice); without consent they are absent (404, not in searches nor their totals); program staff read
 * them unlabelled.
 */
@QuarkusTest
class FhirPart2Test {
    static final String EHR = "ehr-fhir-part2";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;
    UUID clinician;

    @BeforeEach
    void clinician() {
        fixtures = new PlanFixtures(bootstrap, ds);
        clinician = fixtures.clinician();
    }

    /** A patient on the SUD track (Part 2), with a consent for {@link #EHR} to treat when {@code consent}, and a plan. */
    private UUID[] part2Patient(boolean consent) {
        UUID patient = UUID.randomUUID();
        EventFixtures.PatientBuilder builder = EventFixtures.patient(patient).track("ADULT_SUD");
        if (consent) {
            builder.disclosureConsent(UUID.randomUUID(), EHR, List.of("TREATMENT"), PlanFixtures.today().plusDays(60));
        }
        fixtures.register(builder.build());
        return new UUID[] { patient, UUID.fromString(FhirApi.structuredPlan(fixtures, patient, clinician)) };
    }

    private static String ehr() {
        return FhirApi.ehr(EHR, "system/CarePlan.rs system/Goal.rs");
    }

    private static void assertLabelled(Resource resource) {
        assertThat(Part2Labels.isLabelled(resource)).as(resource.fhirType() + " labelled").isTrue();
        assertThat(resource.getMeta().getSecurity()).extracting(c -> c.getCode()).contains("R", "ETH", "42CFRPart2", "NORDSCLCD");
        assertThat(resource.getMeta().getExtensionByUrl(Part2Labels.NOTICE_EXTENSION).getValue().primitiveValue())
                .isEqualTo(PrivacyConfig.NOTICE);
        ValidFhir.assertValid(resource);
    }

    @Test
    void withConsentTheRecordsAreDisclosedLabelled() {
        UUID[] consented = part2Patient(true);
        String plan = consented[1].toString();

        Response read = get(ehr(), "/CarePlan/" + plan);
        assertThat(read.statusCode()).isEqualTo(200);
        assertLabelled(resource(read, CarePlan.class));
        assertLabelled(resource(get(ehr(), "/Goal/" + plan + ".G1"), Goal.class));

        Bundle search = bundle(get(ehr(), "/CarePlan?patient=" + consented[0] + "&category=assess-plan&_include=CarePlan:goal"));
        assertThat(search.getTotal()).isEqualTo(1);
        matches(search, CarePlan.class).forEach(FhirPart2Test::assertLabelled);
        assertThat(included(search)).hasSize(2).allSatisfy(FhirPart2Test::assertLabelled);
        bundle(get(ehr(), "/Goal?patient=" + consented[0])).getEntry().forEach(e -> assertLabelled(e.getResource()));
        assertThat(FhirApi.rows(ds, "select count(*) from audit_event where resource_id = ? and consent_id is not null", plan)).isPositive();
    }

    @Test
    void withoutConsentTheRecordsAreAbsent() {
        UUID[] hidden = part2Patient(false);
        String plan = hidden[1].toString();

        assertThat(get(ehr(), "/CarePlan/" + plan).statusCode()).isEqualTo(404);
        assertThat(get(ehr(), "/Goal/" + plan + ".G1").statusCode()).isEqualTo(404);
        assertThat(bundle(get(ehr(), "/CarePlan?patient=" + hidden[0])).getTotal()).isZero();
        assertThat(bundle(get(ehr(), "/Goal?patient=" + hidden[0])).getTotal()).isZero();
        assertThat(bundle(get(ehr(), "/CarePlan?patient=" + hidden[0] + "&_include=CarePlan:goal")).getEntry()).isEmpty();
        assertThat(get(FhirApi.ehr("another-ehr", "system/CarePlan.rs"), "/CarePlan/" + part2Patient(true)[1]).statusCode())
                .as("a consent names its recipient").isEqualTo(404);
        assertThat(FhirApi.rows(ds, "select count(*) from audit_event where resource_id = ? and outcome = 'DENIED'", plan)).isPositive();
    }

    @Test
    void programStaffReadPart2RecordsUnlabelledAndOtherPatientsAreNeverLabelled() {
        UUID[] consented = part2Patient(true);
        CarePlan forStaff = resource(get(FhirApi.clinician(), "/CarePlan/" + consented[1]), CarePlan.class);
        assertThat(Part2Labels.isLabelled(forStaff)).isFalse();

        UUID[] ids = fixtures.patientAndClinician();
        String plan = FhirApi.structuredPlan(fixtures, ids[0], ids[1]);
        CarePlan notPart2 = resource(get(ehr(), "/CarePlan/" + plan), CarePlan.class);
        assertThat(notPart2.getMeta().getSecurity()).isEmpty();
    }
}
