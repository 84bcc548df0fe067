package care.iop.participant.rest;

import static care.iop.participant.rest.ApiExamples.PROBLEM;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

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

import care.iop.participant.domain.Clinician;
import care.iop.participant.service.ClinicianService;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.consistency.ConsistencyDocumentation;
import care.iop.platform.problem.Problem;
import care.iop.platform.security.Roles;
import care.iop.platform.web.ETags;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;

@Path("/api/v1/clinicians")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clinicians", description = "Registry of clinicians: NPI, credentials, whether they lead groups")
public class ClinicianResource {

    @Inject
    ClinicianService clinicians;

    @POST

    @Idempotent
    @Extension(name = ConsistencyDocumentation.WRITES, value = "true")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    @Operation(operationId = "createClinician", summary = "Register a clinician",
            description = "Stores a clinician. The NPI is 10 digits passing the check-digit rule (Luhn with prefix 80840) and is unique. "
                    + "active defaults to true. Publishes care.iop.clinician.registered.v1.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ClinicianRequest.class), examples = @ExampleObject(name = "sam", value = ApiExamples.CLINICIAN_REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered; Location names the clinician, ETag its version",
            headers = { @Header(name = "Location", description = "URI of the clinician", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = "Version (an entity tag: send it in If-Match)", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClinicianResponse.class),
                    examples = @ExampleObject(name = "sam", value = ApiExamples.CLINICIAN)))
    @APIResponse(responseCode = "400", description = "Invalid NPI, blank name, bad credential, unknown field", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not register clinicians", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The NPI is already registered", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull ClinicianRequest request, @Context UriInfo uri) {
        Clinician clinician = clinicians.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(clinician.id.toString()).build())
                .header("ETag", ETags.of(clinician.version)).entity(ClinicianResponse.from(clinician)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    @Operation(operationId = "getClinician", summary = "Read a clinician", description = "The clinician with its version as ETag (send it back in If-Match to update).")
    @APIResponse(responseCode = "200", description = "The clinician", headers = @Header(name = "ETag", description = "Version (an entity tag: send it in If-Match)", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClinicianResponse.class),
                    examples = @ExampleObject(name = "sam", value = ApiExamples.CLINICIAN)))
    @APIResponse(responseCode = "400", description = "id is not a UUID", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read clinicians", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such clinician", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Clinician id") @PathParam("id") UUID id) {
        Clinician clinician = clinicians.get(id);
        return Response.ok(ClinicianResponse.from(clinician)).header("ETag", ETags.of(clinician.version)).build();
    }

    @PUT
    @Extension(name = ConsistencyDocumentation.WRITES, value = "true")
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    @Operation(operationId = "replaceClinician", summary = "Replace a clinician's record",
            description = "Replaces the record (active unchanged when omitted). Requires If-Match with the ETag of the last read. "
                    + "Publishes care.iop.clinician.updated.v1 when anything changed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ClinicianRequest.class), examples = @ExampleObject(name = "sam", value = ApiExamples.CLINICIAN_REQUEST)))
    @APIResponse(responseCode = "200", description = "The updated clinician", headers = @Header(name = "ETag", description = "New version (an entity tag: send it in If-Match)", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClinicianResponse.class),
                    examples = @ExampleObject(name = "sam", value = ApiExamples.CLINICIAN)))
    @APIResponse(responseCode = "400", description = "Invalid field (named in errors[].field)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not edit clinicians", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such clinician", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The NPI belongs to another clinician", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response replace(@Parameter(description = "Clinician id") @PathParam("id") UUID id,
                            @Parameter(description = "ETag of the last read", example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull ClinicianRequest request) {
        Clinician clinician = clinicians.replace(id, ifMatch, request);
        return Response.ok(ClinicianResponse.from(clinician)).header("ETag", ETags.of(clinician.version)).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    @Operation(operationId = "searchClinicians", summary = "Find clinicians",
            description = "Clinicians matching every given filter, ordered by family and given name, one page at a time.")
    @APIResponse(responseCode = "200", description = "A page of clinicians",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pages.ClinicianPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\":[" + ApiExamples.CLINICIAN + "],\"page\":0,\"size\":20,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "npi not 10 digits, active not a boolean, bad page or size", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not search clinicians", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<ClinicianResponse> search(
            @Parameter(description = "Part of the given or family name, case-insensitive", example = "lee") @QueryParam("name") String name,
            @Parameter(description = "Exact NPI", example = "1234567893") @QueryParam("npi") String npi,
            @Parameter(description = "true or false") @QueryParam("active") String active,
            @Valid @BeanParam PageQuery page) {
        return clinicians.search(name, npi, bool("active", active), page).map(ClinicianResponse::from);
    }

    private static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw care.iop.platform.problem.ProblemException.invalidField(name, "must be true or false");
        };
    }
}
