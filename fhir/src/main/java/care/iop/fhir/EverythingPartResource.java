package care.iop.fhir;

import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * This service's share of {@code Patient/{id}/$everything}, for the gateway to merge and page: every resource of the
 * patient that the caller may see, as one unpaged searchset Bundle. Types the caller's scopes do not grant reading are
 * left out; one audit record per call.
 */
@Path(FhirMedia.BASE_PATH + "/Patient/{id}/$everything-part")
public class EverythingPartResource {
    @Inject
    Instance<PatientCompartment> compartments;

    @Inject
    FhirAccess access;

    @Inject
    FhirRequest request;

    @Inject
    AuditLog audit;

    /**
     * Internal: the gateway's {@code Patient/{id}/$everything} merges the three services' shares and pages them. 403
     * when no scope grants reading the patient, 404 for another patient's record to a patient token.
     */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CLINICIAN, Roles.INTEGRATION, Roles.PATIENT})
    @Produces({FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON})
    public Bundle everything(@PathParam("id") String id, @QueryParam("_since") String since) {
        UUID patientId = FhirSearch.uuid("id", id);
        access.require("Patient", Interaction.READ);
        access.requirePatient(patientId, "Patient", patientId);
        Instant from = since == null ? null : FhirSearch.dates("_since", List.of(since), java.time.ZoneOffset.UTC).from();
        List<Resource> resources = compartments.stream()
                .flatMap(compartment -> compartment.everything(patientId, from).stream())
                .filter(resource -> access.grants(resource.fhirType(), Interaction.READ))
                .toList();
        audit.success(AuditAction.READ, "Patient/$everything", patientId, patientId);
        return SearchBundles.searchset(request, resources, resources.size(), 0, resources.size(), List.of());
    }
}
