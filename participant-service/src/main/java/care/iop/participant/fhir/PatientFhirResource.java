package care.iop.participant.fhir;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import care.iop.fhir.FhirAccess;
import care.iop.fhir.FhirAnswers;
import care.iop.fhir.FhirException;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.FhirRequest;
import care.iop.fhir.Interaction;
import care.iop.participant.domain.Patient;
import care.iop.participant.service.PatientService;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.security.Roles;

/**
 * FHIR R4 Patient (US Core Patient 6.1) over the registry: read, vread of the current version, search, create and
 * update, each through the JSON API's services (same roles, rules, audit, events and Part 2 gate) and a SMART scope.
 */
@Path(FhirMedia.BASE_PATH + "/Patient")
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
@Consumes({ FhirMedia.FHIR_JSON, FhirMedia.LEGACY_FHIR_JSON, MediaType.APPLICATION_JSON })
public class PatientFhirResource {
    static final String TYPE = "Patient";

    @Inject
    FhirAccess access;

    @Inject
    FhirRequest request;

    @Inject
    PatientService patients;

    @Inject
    PatientWrites writes;

    @Inject
    PatientFhirSearch search;

    @Inject
    PatientRegistrationMapper registrations;

    @Inject
    PatientMapper mapper;

    @Inject
    DisclosureLabels labels;

    /**
     * The patient as a US Core Patient. A patient token reads only its own; a caller outside the program reads a 42 CFR
     * Part 2 patient only with its consent (then labelled); otherwise 404 as if it did not exist.
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.INTEGRATION, Roles.PATIENT })
    public Response read(@PathParam("id") String id) {
        access.require(TYPE, Interaction.READ);
        return answer(patients.get(FhirAnswers.id(TYPE, id.strip())));
    }

    /** The registry keeps the current version only: its versionId answers as read does, any other is 404. */
    @GET
    @Path("/{id}/_history/{vid}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.INTEGRATION, Roles.PATIENT })
    public Response vread(@PathParam("id") String id, @PathParam("vid") String vid) {
        access.require(TYPE, Interaction.READ);
        Patient patient = patients.get(FhirAnswers.id(TYPE, id.strip()));
        FhirAnswers.requireCurrent(TYPE, id, vid, patient.version);
        return answer(patient);
    }

    /**
     * Parameters _id, identifier, name, family, given, birthdate, gender, _lastUpdated, _count, _offset; ordered by name.
     * A caller outside the program finds a Part 2 patient only with its consent; every patient returned is audited.
     */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.INTEGRATION })
    public Response search() {
        access.require(TYPE, Interaction.SEARCH);
        return Response.ok(search.search(), FhirMedia.FHIR_JSON).build();
    }

    /**
     * The JSON API's registration from a FHIR Patient (same rules, audit and event): 201 with Location at
     * {@code _history/<version>}; an element the registry cannot take is 422, a value its rules refuse 400, 409 for an
     * identifier of another patient.
     */
    @POST
    @Idempotent
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.INTEGRATION })
    public Response create(org.hl7.fhir.r4.model.Patient body) {
        access.require(TYPE, Interaction.CREATE);
        Patient patient = writes.register(registrations.toRegistration(body, null));
        return FhirAnswers.created(mapper.toFhir(patient), request.baseUrl(), FhirMedia.FHIR_JSON);
    }

    /**
     * The JSON API's replace from a FHIR Patient read before (its read-only extensions and registry id may come back
     * unchanged). If-Match with the read's ETag is required (412 without it or when stale); the id must be the URL's (400).
     */
    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.INTEGRATION })
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, org.hl7.fhir.r4.model.Patient body) {
        access.require(TYPE, Interaction.UPDATE);
        UUID patientId = FhirAnswers.id(TYPE, id.strip());
        if (!body.hasIdElement() || !id.equals(body.getIdElement().getIdPart())) {
            throw FhirException.badRequest("The resource's id must be the id in the URL (" + id + ")", "Patient.id");
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            throw FhirException.preconditionFailed("Send If-Match with the ETag of your last read (W/\"<versionId>\") to update Patient/" + id);
        }
        return answer(writes.replace(patientId, ifMatch, registrations.toRegistration(body, patientId)));
    }

    private Response answer(Patient patient) {
        return FhirAnswers.ok(labels.ofPatient(mapper.toFhir(patient), patient.id), FhirMedia.FHIR_JSON);
    }
}
