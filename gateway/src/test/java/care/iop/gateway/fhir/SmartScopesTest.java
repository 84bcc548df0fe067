package care.iop.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which scopes let a backend service read a type for bulk export. */
class SmartScopesTest {

    @Test
    void systemScopesThatReadTheTypeOrEveryType() {
        for (String scope : List.of("system/*.rs", "system/*.cruds", "system/Observation.rs", "system/Observation.r", "system/*.read",
                "system/Observation.read", "system/*.*", "system/Observation.*")) {
            assertThat(SmartScopes.systemMayRead(Set.of(scope), "Observation")).as(scope).isTrue();
        }
    }

    @Test
    void otherContextsWritesOtherTypesAndNarrowedScopesDoNot() {
        for (String scope : List.of("user/*.rs", "patient/Observation.rs", "system/Patient.rs", "system/*.cud", "system/*.write",
                "system/Observation.rs?category=survey", "system/Observation.", "system/*.s", "launch/patient", "openid")) {
            assertThat(SmartScopes.systemMayRead(Set.of(scope), "Observation")).as(scope).isFalse();
        }
    }

    @Test
    void theReadableTypesKeepTheirOrder() {
        assertThat(SmartScopes.systemReadable(Set.of("system/Goal.rs", "system/Patient.read"), FhirTypes.types())).containsExactly("Patient", "Goal");
        assertThat(SmartScopes.anySystem(Set.of("user/*.rs"))).isFalse();
        assertThat(SmartScopes.anySystem(Set.of("user/*.rs", "system/Goal.s"))).isTrue();
    }
}
