package care.iop.fhir;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmartScopeTest {

    @Test
    void v2LettersGrantExactlyTheirInteractions() {
        SmartScope scope = SmartScope.parse("system/Patient.rs").orElseThrow();
        assertThat(scope.grants("Patient", Interaction.READ)).isTrue();
        assertThat(scope.grants("Patient", Interaction.SEARCH)).isTrue();
        assertThat(scope.grants("Patient", Interaction.CREATE)).isFalse();
        assertThat(scope.grants("Observation", Interaction.READ)).isFalse();
    }

    @Test
    void wildcardTypeAndV1WordsAreUnderstood() {
        assertThat(SmartScope.parse("user/*.read").orElseThrow().grants("CarePlan", Interaction.SEARCH)).isTrue();
        assertThat(SmartScope.parse("user/*.read").orElseThrow().grants("CarePlan", Interaction.UPDATE)).isFalse();
        assertThat(SmartScope.parse("system/Appointment.write").orElseThrow().grants("Appointment", Interaction.UPDATE)).isTrue();
        assertThat(SmartScope.parse("patient/*.*").orElseThrow().permissions()).isEqualTo("cruds");
    }

    @Test
    void malformedOrNarrowedScopesGrantNothing() {
        assertThat(SmartScope.parse("openid")).isEmpty();
        assertThat(SmartScope.parse("launch/patient")).isEmpty();
        assertThat(SmartScope.parse("system/Patient.sr")).as("letters out of cruds order").isEmpty();
        assertThat(SmartScope.parse("system/Patient.rr")).as("a letter twice").isEmpty();
        assertThat(SmartScope.parse("admin/Patient.rs")).as("unknown context").isEmpty();
        assertThat(SmartScope.parse("patient/Observation.rs?category=laboratory")).as("v2 query narrowing is not widened").isEmpty();
    }
}
