package care.iop.participant.rest;

import static care.iop.participant.rest.ApiExamples.PROBLEM;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.participant.domain.Consent;
import care.iop.participant.service.ConsentService;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.consistency.ConsistencyDocumentation;
import care.iop.platform.problem.Problem;
import care.iop.platform.security.Roles;

@Path("/api/v1/patients/{id}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "Consents a patient signed: group participation, 42 CFR Part 2 disclosure, telehealth")
public class ConsentResource {

    @Inject
    ConsentService consents;

    @POST

    @Idempotent
    @Extension(name = ConsistencyDocumentation.WRITES, value = "true")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    @Operation(operationId = "createConsent", summary = "Record a consent",
            description = "Stores a signed consent. PART2_DISCLOSURE needs recipient (the display name), recipientId (the client identity "
                    + "a caller's token carries in azp, client_id or sub), purposes (TREATMENT, PAYMENT, HEALTH_CARE_OPERATIONS) and expiresOn: "
                    + "a caller outside the program is answered a Part 2 patient's records only while such a consent names it and its "
                    + "purpose. At most iop.consents.max-active-disclosures (default 20) PART2_DISCLOSURE consents are active per patient. "
                    + "Other kinds take none of recipient, recipientId and purposes, and at most one of each is active at a time. "
                    + "expiresOn is the last valid day. Publishes care.iop.patient.consent-granted.v1 (with recipientId and purposes).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConsentRequest.class), examples = {
                    @ExampleObject(name = "group", value = ApiExamples.CONSENT_REQUEST),
                    @ExampleObject(name = "part2", value = ApiExamples.PART2_CONSENT_REQUEST) }))
    @APIResponse(responseCode = "201", description = "Recorded; Location names the consent", headers = @Header(name = "Location", description = "URI of the consent", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentResponse.class),
                    examples = { @ExampleObject(name = "group", value = ApiExamples.CONSENT),
                            @ExampleObject(name = "part2", value = ApiExamples.PART2_CONSENT) }))
    @APIResponse(responseCode = "400", description = "Unknown kind, future signedOn, expiry in the past or before signedOn, missing or invalid "
            + "Part 2 field (recipient, recipientId, purposes, expiresOn), Part 2 field on another kind", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not record consents", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An active consent of this kind exists, the patient has the maximum of active PART2_DISCLOSURE "
            + "consents, or another change of the patient committed first", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The patient is discharged", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response grant(@Parameter(description = "Patient id") @PathParam("id") UUID id,
                          @Valid @NotNull ConsentRequest request, @Context UriInfo uri) {
        Consent consent = consents.grant(id, request.toGrant());
        return Response.created(uri.getAbsolutePathBuilder().path(consent.id.toString()).build())
                .entity(ConsentResponse.from(consent, consents.today())).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.PATIENT })
    @Operation(operationId = "listConsents", summary = "List a patient's consents",
            description = "Every consent, oldest first, with its status evaluated now: ACTIVE, REVOKED or EXPIRED (after expiresOn, in the "
                    + "program's time zone). PART2_DISCLOSURE consents recorded before recipientId and purposes existed show neither and "
                    + "match no caller. A patient may read only their own; any other id answers 404. Not for callers outside the program (403).")
    @APIResponse(responseCode = "200", description = "The consents",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ConsentResponse.class),
                    examples = @ExampleObject(name = "two", value = "[" + ApiExamples.CONSENT + "," + ApiExamples.PART2_CONSENT + "]")))
    @APIResponse(responseCode = "400", description = "id is not a UUID", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read consents", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient (or not the caller's own)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<ConsentResponse> list(@Parameter(description = "Patient id") @PathParam("id") UUID id) {
        List<Consent> list = consents.list(id);
        LocalDate today = consents.today();
        return list.stream().map(c -> ConsentResponse.from(c, today)).toList();
    }

    @POST

    @Idempotent
    @Extension(name = ConsistencyDocumentation.WRITES, value = "true")
    @Path("/{consentId}/revoke")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    @Operation(operationId = "revokeConsent", summary = "Revoke a consent",
            description = "Revokes an active consent, with an optional reason (kept, never published; the body may be omitted). "
                    + "Publishes care.iop.patient.consent-revoked.v1.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RevokeRequest.class), examples = @ExampleObject(name = "withdrawn", value = ApiExamples.REVOKE)))
    @APIResponse(responseCode = "200", description = "The revoked consent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentResponse.class)))
    @APIResponse(responseCode = "400", description = "Reason too long, unknown field, id not a UUID", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not revoke consents", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient or consent", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The consent is already revoked or expired, or another change of the patient committed first", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ConsentResponse revoke(@Parameter(description = "Patient id") @PathParam("id") UUID id,
                                  @Parameter(description = "Consent id") @PathParam("consentId") UUID consentId,
                                  @Valid RevokeRequest request) {
        Consent consent = consents.revoke(id, consentId, request == null ? null : request.reason());
        return ConsentResponse.from(consent, consents.today());
    }
}
