package care.iop.plan.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

import care.iop.plan.fhir.mapping.SafetyFlagMapper;
import care.iop.plan.outcomes.domain.SafetyFlag;

/** A safety flag as a base R4 Flag of category safety. */
class SafetyFlagMapperTest {

    @Test
    void anOpenFlagIsActiveAndPointsAtItsAssessment() {
        SafetyFlag flag = FhirSamples.flag(SafetyFlag.Status.OPEN);

        Flag resource = SafetyFlagMapper.toFhir(flag);

        assertThat(resource.getIdElement().getIdPart()).isEqualTo(flag.id.toString());
        assertThat(resource.getMeta().getVersionId()).isEqualTo("0");
        assertThat(resource.getMeta().getLastUpdated()).isEqualTo(Date.from(flag.raisedAt.toInstant()));
        assertThat(resource.getStatus()).isEqualTo(Flag.FlagStatus.ACTIVE);
        assertThat(resource.getCategoryFirstRep().getCodingFirstRep().getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/flag-category");
        assertThat(resource.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("safety");
        assertThat(resource.getCode().getText()).isEqualTo(flag.reason);
        assertThat(resource.getSubject().getReference()).isEqualTo("Patient/" + FhirSamples.PATIENT);
        assertThat(resource.getPeriod().getStart()).isEqualTo(Date.from(flag.raisedAt.toInstant()));
        assertThat(resource.getPeriod().hasEnd()).isFalse();
        assertThat(((Reference) resource.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/flag-detail").getValue()).getReference())
                .isEqualTo("Observation/" + flag.assessmentId);
    }

    @Test
    void anAcknowledgedFlagIsInactiveAndEndsWhenAcknowledged() {
        SafetyFlag flag = FhirSamples.flag(SafetyFlag.Status.ACKNOWLEDGED);

        Flag resource = SafetyFlagMapper.toFhir(flag);

        assertThat(resource.getStatus()).isEqualTo(Flag.FlagStatus.INACTIVE);
        assertThat(resource.getPeriod().getEnd()).isEqualTo(Date.from(flag.acknowledgedAt.toInstant()));
        assertThat(resource.getMeta().getVersionId()).isEqualTo("1");
        assertThat(resource.getMeta().getLastUpdated()).isEqualTo(Date.from(flag.acknowledgedAt.toInstant()));
    }

    @Test
    void anUrgentFlagHasNoAssessment() {
        SafetyFlag flag = FhirSamples.flag(SafetyFlag.Status.OPEN);
        flag.kind = SafetyFlag.Kind.URGENT;
        flag.assessmentId = null;

        assertThat(SafetyFlagMapper.toFhir(flag).hasExtension()).isFalse();
    }
}
