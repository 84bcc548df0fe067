package care.iop.participant.rest;

import static care.iop.participant.rest.ApiExamples.PROBLEM;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.participant.domain.Patient;
import care.iop.participant.domain.PatientStatus;
import care.iop.participant.domain.Track;
import care.iop.participant.service.PatientSearch;
import care.iop.participant.service.PatientService;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.consistency.ConsistencyDocumentation;
import care.iop.platform.problem.Problem;
import care.iop.platform.security.Roles;
import care.iop.platform.web.ETags;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;

@Path("/api/v1/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Patients", description = "Registry of IOP patients: demographics, identifiers, status and discharge")
public class PatientResource {

    @Inject
    PatientService patients;

    @Inject
    PatientSearch search;

    @POST

    @Idempotent
    @Extension(name = ConsistencyDocumentation.WRITES, value = "true")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.INTEGRATION })
    @Operation(operationId = "createPatient", summary = "Register a patient",
            description = "Stores a new patient. Status is ACTIVE when an admission date is given, else REFERRED. "
                    + "Each identifier (system + value) may name only one patient: a 409 names the patient holding it in conflictsWith, "
                    + "unless the caller is outside the program and may not see that patient (a Part 2 patient without its consent): "
                    + "then the 409 only says the identifier is taken. A create by any allowed role discloses no existing record. "
                    + "Publishes care.iop.patient.registered.v1 (with part2 from the track).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PatientRequest.class), examples = @ExampleObject(name = "ana", value = ApiExamples.PATIENT_REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered; Location names the patient, ETag its version",
            headers = { @Header(name = "Location", description = "URI of the new patient", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = "Version (an entity tag: send it in If-Match)", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PatientResponse.class),
                    examples = @ExampleObject(name = "ana", value = ApiExamples.PATIENT)))
    @APIResponse(responseCode = "400", description = "Invalid field (named in errors[].field): blank name, birth date in the future or before 1900, "
            + "unknown enum value, malformed identifier, more than 20 identifiers, unknown field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not register patients", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An identifier already names another patient (conflictsWith: that patient, when the caller may see it)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate", value = ApiExamples.DUPLICATE_IDENTIFIER)))
    public Response register(@NotNull PatientRequest request, @Context UriInfo uri) {
        // Validated once, by PatientService.register (@Valid there, the same 400 naming the field): not here a second time.
        Patient patient = patients.register(request);
        return Response.created(location(uri, patient.id))
                .header("ETag", ETags.of(patient.version)).entity(PatientResponse.from(patient)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.INTEGRATION, Roles.PATIENT })
    @Operation(operationId = "getPatient", summary = "Read a patient",
            description = "The patient's record with its version as ETag (send it back in If-Match to update). "
                    + "A patient may read only their own record; any other id answers 404."
                    + " A caller outside the program (integration) gets a 42 CFR Part 2 patient (track ADULT_SUD) only with the patient's active PART2_DISCLOSURE consent naming its client identity and purpose; else 404, as if the patient did not exist (audited as DENIED). With consent the answer carries the Part2-Notice header and part2Notice.")
    @APIResponse(responseCode = "200", description = "The patient", headers = @Header(name = "ETag", description = "Version (an entity tag: send it in If-Match)", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PatientResponse.class),
                    examples = @ExampleObject(name = "ana", value = ApiExamples.PATIENT)))
    @APIResponse(responseCode = "400", description = "id is not a UUID", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read patients", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient (or not the caller's own, or a Part 2 patient without consent for this caller)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Patient id") @PathParam("id") UUID id) {
        Patient patient = patients.get(id);
        return json(patient);
    }

    @PUT
    @Extension(name = ConsistencyDocumentation.WRITES, value = "true")
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.INTEGRATION })
    @Operation(operationId = "replacePatient", summary = "Replace a patient's record",
            description = "Replaces demographics, identifiers and placement. Requires If-Match with the ETag of the last read. "
                    + "Status follows the admission date unless the patient is discharged; the Part 2 label follows the track. "
                    + "Publishes care.iop.patient.updated.v1 when anything changed. A request that races another change of the same "
                    + "patient answers 412 (read again and retry)."
                    + " A caller outside the program (integration) gets a 42 CFR Part 2 patient (track ADULT_SUD) only with the patient's active PART2_DISCLOSURE consent naming its client identity and purpose; else 404, as if the patient did not exist (audited as DENIED). With consent the answer carries the Part2-Notice header and part2Notice.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PatientRequest.class), examples = @ExampleObject(name = "ana", value = ApiExamples.PATIENT_REQUEST)))
    @APIResponse(responseCode = "200", description = "The updated patient", headers = @Header(name = "ETag", description = "New version (an entity tag: send it in If-Match)", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PatientResponse.class),
                    examples = @ExampleObject(name = "ana", value = ApiExamples.PATIENT)))
    @APIResponse(responseCode = "400", description = "Invalid field (named in errors[].field)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not edit patients", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient (or a Part 2 patient without consent for this caller)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An identifier already names another patient (conflictsWith: that patient, when the caller may see it)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version, or another change of the patient committed first", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response replace(@Parameter(description = "Patient id") @PathParam("id") UUID id,
                            @Parameter(description = "ETag of the last read", example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull PatientRequest request) {
        Patient patient = patients.replace(id, ifMatch, request);
        return json(patient);
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.INTEGRATION })
    @Operation(operationId = "searchPatients", summary = "Find patients",
            description = "Patients matching every given filter, ordered by family and given name, one page at a time. "
                    + "identifier is system|value (FHIR token search, e.g. urn:example:mrn|MRN-0001); name matches part of the given or family name. "
                    + "For a caller outside the program, Part 2 patients (track ADULT_SUD) without an active PART2_DISCLOSURE consent for its "
                    + "client identity and purpose are left out of items and total; when the page discloses a Part 2 patient, it carries "
                    + "the Part2-Notice header and part2Notice. Every patient in the page is audited (one row each).")
    @APIResponse(responseCode = "200", description = "A page of patients",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pages.PatientPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\":[" + ApiExamples.PATIENT + "],\"page\":0,\"size\":20,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "Malformed identifier, unknown status or track, bad page or size", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not search patients", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<PatientResponse> search(
            @Parameter(description = "system|value", example = "urn:example:mrn|MRN-0001") @QueryParam("identifier") String identifier,
            @Parameter(description = "Part of the given or family name, case-insensitive", example = "diaz") @QueryParam("name") String name,
            @Parameter(description = "REFERRED, ACTIVE or DISCHARGED") @QueryParam("status") PatientStatus status,
            @Parameter(description = "ADULT_MH, ADULT_SUD or ADOLESCENT") @QueryParam("track") Track track,
            @Valid @BeanParam PageQuery page) {
        return search.search(identifier, name, status, track, page).map(PatientResponse::from);
    }

    @POST

    @Idempotent
    @Extension(name = ConsistencyDocumentation.WRITES, value = "true")
    @Path("/{id}/discharge")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.INTEGRATION })
    @Operation(operationId = "dischargePatient", summary = "Discharge a patient",
            description = "Records why and when the patient left the program; status becomes DISCHARGED. If-Match is optional "
                    + "(checked when sent). The reason is never published; publishes care.iop.patient.discharged.v1. A request that races "
                    + "another change of the same patient answers 412 with If-Match, else 409."
                    + " A caller outside the program (integration) gets a 42 CFR Part 2 patient (track ADULT_SUD) only with the patient's active PART2_DISCLOSURE consent naming its client identity and purpose; else 404, as if the patient did not exist (audited as DENIED). With consent the answer carries the Part2-Notice header and part2Notice.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DischargeRequest.class), examples = @ExampleObject(name = "completed", value = ApiExamples.DISCHARGE)))
    @APIResponse(responseCode = "200", description = "The discharged patient", headers = @Header(name = "ETag", description = "New version (an entity tag: send it in If-Match)", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing reason, missing or future date, date before 1900", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not discharge", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient (or a Part 2 patient without consent for this caller)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already discharged, or another change of the patient committed first", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version, or another change committed first", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Date before the admission date", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response discharge(@Parameter(description = "Patient id") @PathParam("id") UUID id,
                              @Parameter(description = "Optional ETag of the last read") @HeaderParam("If-Match") String ifMatch,
                              @Valid @NotNull DischargeRequest request) {
        Patient patient = patients.discharge(id, ifMatch, request);
        return json(patient);
    }

    /**
     * The patient with its version as ETag. The media type is set here (not left to negotiation) so that the platform's
     * Part2Notice filter sees a JSON body and adds part2Notice to it when the answer discloses a Part 2 record.
     */
    private static Response json(Patient patient) {
        return Response.ok(PatientResponse.from(patient), MediaType.APPLICATION_JSON_TYPE).header("ETag", ETags.of(patient.version)).build();
    }

    static URI location(UriInfo uri, UUID id) {
        return uri.getAbsolutePathBuilder().path(id.toString()).build();
    }
}
