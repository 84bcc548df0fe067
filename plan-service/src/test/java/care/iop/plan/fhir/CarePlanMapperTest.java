package care.iop.plan.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import care.iop.plan.fhir.mapping.CarePlanMapper;
import care.iop.plan.fhir.mapping.GoalIds;

/** A treatment plan as a US Core CarePlan, for a clinician and for a scheduler (minimum necessary). */
class CarePlanMapperTest {

    @Test
    void clinicianViewCarriesTheWholePlan() {
        CarePlan plan = CarePlanMapper.toFhir(FhirSamples.plan("active"));

        assertThat(plan.getIdElement().getIdPart()).isEqualTo(FhirSamples.PLAN.toString());
        assertThat(plan.getMeta().getVersionId()).isEqualTo("4");
        assertThat(plan.getMeta().getLastUpdated()).isEqualTo(java.util.Date.from(FhirSamples.plan("active").updatedAt().toInstant()));
        assertThat(plan.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(CarePlanMapper.PROFILE);
        assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
        assertThat(plan.getIntent()).isEqualTo(CarePlan.CarePlanIntent.PLAN);
        assertThat(plan.getCategoryFirstRep().getCodingFirstRep().getSystem()).isEqualTo(CarePlanMapper.CATEGORY_SYSTEM);
        assertThat(plan.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("assess-plan");
        assertThat(plan.getSubject().getReference()).isEqualTo("Patient/" + FhirSamples.PATIENT);
        assertThat(plan.getAuthor().getReference()).isEqualTo("Practitioner/" + FhirSamples.CLINICIAN);
        assertThat(plan.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-11-30");
        assertThat(plan.getPeriod().getEndElement().getValueAsString()).isEqualTo("2027-02-22");
        assertThat(plan.getDescription()).isEqualTo("Comfortable in groups");
        assertThat(plan.getAddresses()).extracting(Reference::getDisplay)
                .containsExactly("F32.1 Major depressive disorder, single episode, moderate");
        assertThat(plan.getGoal()).extracting(Reference::getReference).containsExactly(
                "Goal/" + GoalIds.of(FhirSamples.PLAN, "G1"), "Goal/" + GoalIds.of(FhirSamples.PLAN, "goal_with_an_underscore_and_a_long_name_x"));
        assertThat(plan.getText().getStatus().toCode()).isEqualTo("generated");
        assertThat(plan.getText().getDivAsString()).contains("Reduce depressive symptoms");
    }

    @Test
    void everyInterventionIsAnActivityWithItsScheduleGoalsAndPerformer() {
        CarePlan plan = CarePlanMapper.toFhir(FhirSamples.plan("active"));

        assertThat(plan.getActivity()).hasSize(2);
        CarePlan.CarePlanActivityDetailComponent group = plan.getActivity().get(0).getDetail();
        assertThat(group.getCode().getText()).isEqualTo("Group psychotherapy");
        assertThat(group.getDescription()).isEqualTo("CBT skills group");
        assertThat(group.getScheduledTiming().getRepeat().getFrequency()).isEqualTo(3);
        assertThat(group.getScheduledTiming().getRepeat().getDuration().intValue()).isEqualTo(180);
        assertThat(group.getScheduledTiming().getRepeat().hasBounds()).isFalse();
        assertThat(group.getPerformerFirstRep().getReference()).isEqualTo("Practitioner/" + FhirSamples.CLINICIAN);
        assertThat(group.getGoal()).extracting(Reference::getReference).containsExactly("Goal/" + GoalIds.of(FhirSamples.PLAN, "G1"));
        CarePlan.CarePlanActivityDetailComponent individual = plan.getActivity().get(1).getDetail();
        assertThat(individual.getScheduledTiming().getRepeat().getBoundsDuration().getValue().intValue()).isEqualTo(8);
        assertThat(individual.getPerformerFirstRep().getReference()).isEqualTo("Practitioner/" + FhirSamples.OTHER_CLINICIAN);
    }

    @Test
    void aSchedulersViewHasNoClinicalContent() {
        CarePlan plan = CarePlanMapper.toFhir(FhirSamples.plan("active").withoutClinicalContent());

        assertThat(plan.hasDescription()).isFalse();
        assertThat(plan.hasAddresses()).isFalse();
        assertThat(plan.hasGoal()).isFalse();
        assertThat(plan.getActivity()).hasSize(2).allSatisfy(a -> {
            assertThat(a.getDetail().hasDescription()).isFalse();
            assertThat(a.getDetail().hasGoal()).isFalse();
        });
        assertThat(plan.getText().getDivAsString()).doesNotContain("Reduce depressive symptoms");
    }

    @ParameterizedTest
    @CsvSource({ "draft,not-started", "active,in-progress", "on-hold,on-hold", "completed,completed", "revoked,cancelled",
            "entered-in-error,entered-in-error" })
    void planStatusIsFhirsAndDrivesTheActivities(String status, String activity) {
        CarePlan plan = CarePlanMapper.toFhir(FhirSamples.plan(status));

        assertThat(plan.getStatus().toCode()).isEqualTo(status);
        assertThat(plan.getActivityFirstRep().getDetail().getStatus().toCode()).isEqualTo(activity);
    }
}
