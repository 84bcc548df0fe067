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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.fhir.FhirAccess;
import care.iop.fhir.FhirException;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.FhirRequest;
import care.iop.fhir.Interaction;
import care.iop.participant.domain.Patient;
import care.iop.participant.service.PatientService;
import care.iop.platform.consistency.ConsistencyDocumentation;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.security.Roles;

/**
 * FHIR R4 Patient (US Core Patient 6.1) over the registry: read, vread of the current version, search, create and
 * update, each through the JSON API's services (same roles, rules, audit, events and Part 2 gate) and a SMART scope.
 */
@Path(FhirMedia.BASE_PATH + "/Patient")
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
@Consumes({ FhirMedia.FHIR_JSON, FhirMedia.LEGACY_FHIR_JSON, MediaType.APPLICATION_JSON })
@Tag(name = "FHIR")
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

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.INTEGRATION, Roles.PATIENT })
    @Operation(operationId = "readFhirPatient", summary = "Read a Patient (FHIR)",
            description = "The patient as a US Core Patient, with ETag W/\"<version>\". Needs a scope granting read on Patient. "
                    + "A patient token reads only its own; a caller outside the program reads a 42 CFR Part 2 patient only with its "
                    + "consent, and then the resource carries the Part 2 security labels; otherwise 404 as if it did not exist.")
    @APIResponse(responseCode = "200", description = "The Patient",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "patient", value = FhirExamples.PATIENT)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "403", description = "Role or scope does not allow reading Patient",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "scope", value = FhirExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such patient, not the caller's own, or Part 2 without consent",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "unknown", value = FhirExamples.NOT_FOUND)))
    public Response read(@PathParam("id") String id) {
        access.require(TYPE, Interaction.READ);
        return answer(patients.get(FhirAnswers.id(TYPE, id)));
    }

    @GET
    @Path("/{id}/_history/{vid}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.INTEGRATION, Roles.PATIENT })
    @Operation(operationId = "vreadFhirPatient", summary = "Read a version of a Patient (FHIR vread)",
            description = "The registry keeps the current version only: its versionId answers as read does, any other is 404.")
    @APIResponse(responseCode = "200", description = "The Patient at that version",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "patient", value = FhirExamples.PATIENT)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "403", description = "Role or scope does not allow reading Patient", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "404", description = "No such patient or version", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    public Response vread(@PathParam("id") String id, @PathParam("vid") String vid) {
        access.require(TYPE, Interaction.READ);
        Patient patient = patients.get(FhirAnswers.id(TYPE, id));
        FhirAnswers.requireCurrent(TYPE, id, vid, patient.version);
        return answer(patient);
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.INTEGRATION })
    @Operation(operationId = "searchFhirPatients", summary = "Search Patients (FHIR)",
            description = "Parameters: _id, identifier (system|value, value, system|; the registry id is system "
                    + ParticipantFhirUrls.PATIENT_ID_SYSTEM + "), name, family, given (start of a word; :exact, :contains), birthdate "
                    + "(prefixes eq, ge, gt, le, lt), gender (unknown also finds patients without a recorded gender), _lastUpdated, "
                    + "_count (default 20, at most 100), _offset. Ordered by family and given name. A caller outside the program "
                    + "finds a Part 2 patient only with its consent. Every patient returned is audited.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle with paging links",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "bundle", value = FhirExamples.SEARCHSET)))
    @APIResponse(responseCode = "400", description = "Unknown parameter or modifier, bad value (expression names the parameter)",
            content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "403", description = "Role or scope does not allow searching Patient", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    public Response search() {
        access.require(TYPE, Interaction.SEARCH);
        return Response.ok(search.search(), FhirMedia.FHIR_JSON).build();
    }

    @POST
    @Idempotent
    @Extension(name = ConsistencyDocumentation.WRITES, value = "true")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.INTEGRATION })
    @Operation(operationId = "createFhirPatient", summary = "Register a Patient (FHIR create)",
            description = "The JSON API's registration from a FHIR Patient: identifiers, the official name, gender, birthDate, "
                    + "first phone and email, and the extensions program-track and level-of-care (required) and admission-date. "
                    + "Same rules, audit and event (care.iop.patient.registered.v1); Idempotency-Key as in the JSON API. Answers 201 "
                    + "with Location <base>/Patient/<id>/_history/<version>. An element the registry cannot take is 422, a value its "
                    + "rules refuse 400, each naming the element; nothing is stored.")
    @RequestBody(required = true, content = @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "ana", value = FhirExamples.PATIENT_CREATE)))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "patient", value = FhirExamples.PATIENT)))
    @APIResponse(responseCode = "400", description = "Unparseable body or a value the registration refuses (expression: the element)",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "blank", value = FhirExamples.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "403", description = "Role or scope does not allow creating Patient", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "409", description = "An identifier already names another patient",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "duplicate", value = FhirExamples.CONFLICT)))
    @APIResponse(responseCode = "422", description = "An element the registry cannot take (partial date, unknown track, the registry id)",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "partial", value = FhirExamples.UNPROCESSABLE)))
    public Response create(org.hl7.fhir.r4.model.Patient body) {
        access.require(TYPE, Interaction.CREATE);
        Patient patient = writes.register(registrations.toRegistration(body, null));
        org.hl7.fhir.r4.model.Patient created = mapper.toFhir(patient);
        return FhirAnswers.created(created, request.fullUrl(created) + "/_history/" + patient.version, patient.version, patient.updatedAt);
    }

    @PUT
    @Path("/{id}")
    @Extension(name = ConsistencyDocumentation.WRITES, value = "true")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.INTEGRATION })
    @Operation(operationId = "updateFhirPatient", summary = "Replace a Patient (FHIR update)",
            description = "The JSON API's replace from a FHIR Patient read before (read-modify-write: the read-only extensions and the "
                    + "registry id may come back unchanged). If-Match with the ETag of the read is required: without it, or with "
                    + "another version, 412. The resource's id must be the URL's. Same rules, audit and event "
                    + "(care.iop.patient.updated.v1 when anything changed).")
    @RequestBody(required = true, content = @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "ana", value = FhirExamples.PATIENT)))
    @APIResponse(responseCode = "200", description = "The updated Patient, with its new ETag",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "patient", value = FhirExamples.PATIENT)))
    @APIResponse(responseCode = "400", description = "Unparseable body, id not the URL's, or a value the rules refuse (expression: the element)",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "blank", value = FhirExamples.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "403", description = "Role or scope does not allow updating Patient", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "404", description = "No such patient (or Part 2 without consent)", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "409", description = "An identifier already names another patient", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    @APIResponse(responseCode = "412", description = "If-Match missing or naming another version",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "stale", value = FhirExamples.PRECONDITION_FAILED)))
    @APIResponse(responseCode = "422", description = "An element the registry cannot take", content = @Content(mediaType = FhirMedia.FHIR_JSON))
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, org.hl7.fhir.r4.model.Patient body) {
        access.require(TYPE, Interaction.UPDATE);
        UUID patientId = FhirAnswers.id(TYPE, id);
        if (!body.hasIdElement() || !id.equals(body.getIdElement().getIdPart())) {
            throw FhirException.badRequest("The resource's id must be the id in the URL (" + id + ")", "Patient.id");
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            throw FhirException.preconditionFailed("Send If-Match with the ETag of your last read (W/\"<versionId>\") to update Patient/" + id);
        }
        return answer(writes.replace(patientId, ifMatch, registrations.toRegistration(body, patientId)));
    }

    private Response answer(Patient patient) {
        return FhirAnswers.ok(labels.ofPatient(mapper.toFhir(patient), patient.id), patient.version, patient.updatedAt);
    }
}
