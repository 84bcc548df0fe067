package care.iop.fhir;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FhirBodiesTest {
    private final FhirBodies bodies = new FhirBodies();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private IBaseResource read(Class type, String json) throws Exception {
        return bodies.readFrom(type, type, null, null, null, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsAndWritesFhirJson() throws Exception {
        Patient patient = (Patient) read(Patient.class, "{\"resourceType\":\"Patient\",\"gender\":\"female\",\"birthDate\":\"1990-04-01\"}");
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1990-04-01");
        var out = new ByteArrayOutputStream();
        bodies.writeTo(patient, Patient.class, Patient.class, null, null, new jakarta.ws.rs.core.MultivaluedHashMap<>(), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"resourceType\":\"Patient\"").contains("\"gender\":\"female\"");
    }

    @Test
    void anUnknownElementIsRefusedNamingIt() {
        assertThatThrownBy(() -> read(Patient.class, "{\"resourceType\":\"Patient\",\"gendre\":\"female\"}"))
                .isInstanceOfSatisfying(FhirException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.expression()).isEqualTo("Patient.gendre");
                });
    }

    @Test
    void aBadValueIsRefused() {
        assertThatThrownBy(() -> read(Patient.class, "{\"resourceType\":\"Patient\",\"birthDate\":\"1990-13-45\"}"))
                .isInstanceOfSatisfying(FhirException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void anotherResourceTypeThanTheEndpointTakesIsRefused() {
        assertThatThrownBy(() -> read(Patient.class, "{\"resourceType\":\"Observation\",\"status\":\"final\"}"))
                .isInstanceOfSatisfying(FhirException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
