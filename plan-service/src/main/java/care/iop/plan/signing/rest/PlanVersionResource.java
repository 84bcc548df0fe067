package care.iop.plan.signing.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.plan.signing.domain.SignCommand;
import care.iop.plan.signing.domain.SignatureMethod;
import care.iop.plan.signing.domain.SignerRole;
import care.iop.plan.signing.domain.VersionSignatures;
import care.iop.plan.signing.service.PlanVersions;
import care.iop.plan.signing.service.SigningService;
import care.iop.platform.consistency.ConsistencyDocumentation;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.security.Roles;

@Path("/api/v1/plans/{id}/versions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plan versions and signatures", description = "Every change of a plan's clinical content is a version; a version is in force"
        + " once the patient (a guardian for an adolescent), the author and, for a supervised author, a licensed co-signer signed it")
public class PlanVersionResource {
    private static final TypeReference<Map<String, Object>> CONTENT = new TypeReference<>() { };
    private static final String READERS = "Readable by clinician, admin, the patient (own plan) and integration (Part 2 rule: a Part 2"
            + " patient's versions only with a PART2_DISCLOSURE consent, else 404); not by a scheduler (clinical content, minimum"
            + " necessary).";

    @Inject
    SigningService signing;

    @Inject
    PlanVersions versions;

    @Inject
    ObjectMapper json;

    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION, Roles.PATIENT })
    @Operation(operationId = "listPlanVersions", summary = "A plan's versions and their signatures",
            description = "Oldest first: number, cause (created, amended, modality-switch, review, level-change), the fields that changed"
                    + " from the version before, whether it must be signed, its state (pending-signatures, signed, no-signature-needed,"
                    + " superseded), whether it is the version in force, the signatures required, pending and given. Read two versions with"
                    + " GET /plans/{id}/versions/{n} to compare their content. " + READERS)
    @APIResponse(responseCode = "200", description = "The versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = VersionView.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "A scheduler")
    @APIResponse(responseCode = "404", description = "No such plan (or not yours)")
    public List<VersionView> list(@PathParam("id") UUID id) {
        return signing.versions(id).stream().map(v -> view(v, false)).toList();
    }

    @GET
    @Path("/{number}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION, Roles.PATIENT })
    @Operation(operationId = "getPlanVersion", summary = "One version of a plan, with its content",
            description = "The version as in the list, with `content`: the snapshot of the plan's clinical content in that version"
                    + " (levelOfCare, dates, problems, goals, rationale, modality, ...). " + READERS)
    @APIResponse(responseCode = "200", description = "The version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID, or number is not a positive integer")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "A scheduler")
    @APIResponse(responseCode = "404", description = "No such plan (or not yours), or no such version")
    public VersionView get(@PathParam("id") UUID id, @Parameter(description = "Version number, from 1", example = "1")
                           @PathParam("number") @Min(1) int number) {
        return view(signing.version(id, number), true);
    }

    @POST
    @Path("/{number}/signatures")
    @Idempotent
    @Extension(name = ConsistencyDocumentation.WRITES, value = "true")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Operation(operationId = "recordPlanSignature", summary = "Sign a version of a plan",
            description = "Records one signature of version `number`, which must be the plan's latest (`currentVersion`). Who may sign"
                    + " in which role:\n"
                    + "- `patient`: the patient with their own `patient` token (`electronic`), or staff (clinician, admin) recording a"
                    + " signature given `in-person` or `verbal` with `signerName` (a verbal one also with `witness`). An adolescent's own"
                    + " signature is kept as assent; the guardian's is the one required.\n"
                    + "- `guardian`: for an adolescent patient only, recorded by staff as above.\n"
                    + "- `author`: the plan's primary clinician, `electronic`, with their own `clinician` token whose `clinician_id` claim"
                    + " is the plan's `primaryClinicianId`.\n"
                    + "- `co-signer`: needed when every credential of the author is a supervised one (`iop.plan.signatures.supervised-credentials`:"
                    + " LPC-A, LMFT-A, LMSW, LAC, LCDC-I, intern); a licensed clinician other than the author, with their own `clinician`"
                    + " token carrying `clinician_id`, `electronic`.\n\n"
                    + "Once every required role signed, the version is in force (`versionInForce` of the plan). Signing never activates"
                    + " a draft: PUT /plans/{id}/status does, and needs the current version fully signed. Publishes `plan.signed`."
                    + " `Location` names the version signed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignatureRequest.class),
            examples = { @ExampleObject(name = "patient, own token", summary = "The patient signs in the app", value = SigningExamples.PATIENT_ELECTRONIC),
                    @ExampleObject(name = "author", summary = "The primary clinician signs with their clinician token", value = SigningExamples.AUTHOR),
                    @ExampleObject(name = "patient, in person", summary = "Staff record the patient's signature on paper",
                            value = SigningExamples.PATIENT_IN_PERSON),
                    @ExampleObject(name = "guardian, verbal", summary = "An adolescent's guardian agrees by phone, with a witness",
                            value = SigningExamples.GUARDIAN_VERBAL),
                    @ExampleObject(name = "co-signer", summary = "A licensed clinician co-signs for a supervised author", value = SigningExamples.CO_SIGNER) }))
    @APIResponse(responseCode = "201", description = "Signed: the version with its signatures and what is still pending",
            headers = @Header(name = "Location", description = "URI of the version signed", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (role, method, lengths)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a clinician, admin or patient; or the caller cannot sign in this role (not the author's"
            + " clinician token, an unlicensed or unknown co-signer, the author co-signing, a patient token signing as guardian)")
    @APIResponse(responseCode = "404", description = "No such plan (or not yours), or no such version")
    @APIResponse(responseCode = "409", description = "The version was superseded (conflictsWith: the current one), the role already signed it,"
            + " it needs no signature, or the plan is final")
    @APIResponse(responseCode = "422", description = "The version does not take this role (a guardian for an adult, a co-signer the author does"
            + " not need), a method the caller cannot use, or a missing signerName or witness (errors[0].field names it)")
    public Response sign(@PathParam("id") UUID id, @Parameter(description = "Version number: the plan's currentVersion", example = "1")
                         @PathParam("number") @Min(1) int number, @Valid @NotNull SignatureRequest request) {
        SignCommand command = new SignCommand(SignerRole.fromCode(request.role()).orElseThrow(),
                SignatureMethod.fromCode(request.method()).orElseThrow(), request.signerName(), request.witness());
        VersionView version = view(signing.sign(id, number, command), false);
        URI location = uriInfo.getBaseUriBuilder().path("api/v1/plans").path(id.toString()).path("versions").path(String.valueOf(number)).build();
        return Response.created(location).entity(version).build();
    }

    private VersionView view(VersionSignatures v, boolean withContent) {
        JsonNode changes = versions.read(v.version().changes);
        List<String> names = new ArrayList<>();
        changes.forEach(n -> names.add(n.asText()));
        return VersionView.of(v, names, withContent ? json.convertValue(versions.read(v.version().content), CONTENT) : null);
    }
}
