package care.iop.plan.fhir;

import static care.iop.plan.fhir.FhirApi.bundle;
import static care.iop.plan.fhir.FhirApi.clinician;
import static care.iop.plan.fhir.FhirApi.get;
import static care.iop.plan.fhir.FhirApi.matches;
import static care.iop.plan.fhir.FhirApi.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Flag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.plan.support.PlanFixtures;
import care.iop.plan.support.ValidFhir;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Flag: a safety flag read, versioned and searched by patient, status, category, _id and _lastUpdated; for clinicians and admins. */
@QuarkusTest
class FlagFhirTest {

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    UUID patient;
    String open;
    String acknowledged;

    @BeforeEach
    void flags() {
        patient = new PlanFixtures(bootstrap, ds).patientAndClinician()[0];
        open = raise();
        acknowledged = raise();
        PlanFixtures.post("admin", "/api/v1/assessments/safety-flags/" + acknowledged + "/acknowledge", "{\"reason\":\"Seen in person\"}")
                .statusCode(200);
    }

    private String raise() {
        return PlanFixtures.post("clinician", "/api/v1/assessments", "{\"patientId\":\"" + patient + "\",\"instrument\":\"PHQ9\","
                + "\"answers\":[0,0,0,0,0,0,0,0,1],\"takenAt\":\"2026-12-01T15:00:00Z\"}").statusCode(201).extract().path("safetyFlagId");
    }

    private List<String> flags(String query) {
        return matches(bundle(get(clinician(), "/Flag?" + query)), Flag.class).stream().map(Flag::getIdPart).toList();
    }

    @Test
    void readAnOpenAndAnAcknowledgedFlag() {
        Response response = get(clinician(), "/Flag/" + open);
        Flag active = resource(response, Flag.class);
        assertThat(active.getStatus()).isEqualTo(Flag.FlagStatus.ACTIVE);
        assertThat(active.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("safety");
        assertThat(active.getSubject().getReference()).isEqualTo("Patient/" + patient);
        assertThat(response.header("ETag")).isEqualTo("W/\"" + active.getMeta().getVersionId() + "\"");
        ValidFhir.assertValid(active);

        Flag inactive = resource(get(clinician(), "/Flag/" + acknowledged), Flag.class);
        assertThat(inactive.getStatus()).isEqualTo(Flag.FlagStatus.INACTIVE);
        assertThat(inactive.getPeriod().hasEnd()).isTrue();
        assertThat(inactive.getMeta().getLastUpdated()).isAfterOrEqualTo(active.getMeta().getLastUpdated());
        ValidFhir.assertValid(inactive);
        assertThat(get(clinician(), "/Flag/" + acknowledged + "/_history/" + inactive.getMeta().getVersionId()).statusCode()).isEqualTo(200);
        assertThat(get(clinician(), "/Flag/" + acknowledged + "/_history/0").statusCode()).isEqualTo(404);
        assertThat(get(clinician(), "/Flag/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void searchByPatientStatusCategoryAndId() {
        assertThat(flags("patient=" + patient)).containsExactlyInAnyOrder(open, acknowledged);
        assertThat(flags("patient=" + patient + "&status=active")).containsExactly(open);
        assertThat(flags("patient=" + patient + "&status=inactive")).containsExactly(acknowledged);
        assertThat(flags("patient=" + patient + "&status=active,inactive")).hasSize(2);
        assertThat(flags("patient=" + patient + "&status=entered-in-error")).isEmpty();
        assertThat(flags("patient=" + patient + "&category=safety")).hasSize(2);
        assertThat(flags("patient=" + patient + "&category=clinical")).isEmpty();
        assertThat(flags("_id=" + open)).containsExactly(open);
        assertThat(flags("status=active&_id=" + acknowledged)).isEmpty();
        String hourAgo = Instant.now().minusSeconds(3600).toString();
        assertThat(flags("patient=" + patient + "&_lastUpdated=ge" + hourAgo)).hasSize(2);
        assertThat(flags("patient=" + patient + "&_lastUpdated=lt" + hourAgo)).isEmpty();
        matches(bundle(get(clinician(), "/Flag?patient=" + patient)), Flag.class).forEach(ValidFhir::assertValid);
    }

    @Test
    void patientsAndSchedulersReadNoFlags() {
        assertThat(get(FhirApi.patient(patient, "patient/Flag.rs"), "/Flag/" + open).statusCode()).isEqualTo(403);
        assertThat(get(FhirApi.token("scheduler", FhirApi.STAFF_SCOPES), "/Flag?patient=" + patient).statusCode()).isEqualTo(403);
    }
}
