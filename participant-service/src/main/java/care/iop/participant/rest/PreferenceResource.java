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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
import care.iop.participant.service.PreferenceService;
import care.iop.platform.consistency.ConsistencyDocumentation;
import care.iop.platform.problem.Problem;
import care.iop.platform.security.Roles;
import care.iop.platform.web.ETags;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;

@Path("/api/v1/patients/{id}/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Preferences", description = "A patient's comfort with groups, preferred modality and days, with full change history")
public class PreferenceResource {

    @Inject
    PreferenceService preferences;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.PATIENT })
    @Operation(operationId = "getPreferences", summary = "Read a patient's preferences",
            description = "Current group comfort, preferred modality, considerations and preferred days (null: not recorded yet). "
                    + "considerations (clinical free text) is left out for a scheduler (minimum necessary). "
                    + "A patient may read only their own; any other id answers 404. Not for callers outside the program (403).")
    @APIResponse(responseCode = "200", description = "Current preferences", headers = @Header(name = "ETag", description = "Patient version (an entity tag: send it in If-Match)", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesResponse.class),
                    examples = @ExampleObject(name = "hesitant", value = ApiExamples.PREFERENCES)))
    @APIResponse(responseCode = "400", description = "id is not a UUID", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read preferences", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient (or not the caller's own)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Patient id") @PathParam("id") UUID id) {
        Patient patient = preferences.get(id);
        return Response.ok(PreferencesResponse.from(patient, preferences.mayReadConsiderations())).header("ETag", ETags.of(patient.version)).build();
    }

    @PUT
    @Extension(name = ConsistencyDocumentation.WRITES, value = "true")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN })
    @Operation(operationId = "replacePreferences", summary = "Change a patient's preferences",
            description = "Replaces the preferences. Each actual change is kept as history (who, when, before, after) and publishes "
                    + "care.iop.patient.preferences-changed.v1 (without the considerations text); sending the current values changes nothing. "
                    + "If-Match is optional (checked against the patient's version when sent). A scheduler may not send considerations "
                    + "(403 naming the field); its change keeps the stored considerations, and its answer leaves them out.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PreferencesRequest.class), examples = @ExampleObject(name = "hesitant", value = ApiExamples.PREFERENCES_REQUEST)))
    @APIResponse(responseCode = "200", description = "Current preferences", headers = @Header(name = "ETag", description = "Patient version (an entity tag: send it in If-Match)", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesResponse.class),
                    examples = @ExampleObject(name = "hesitant", value = ApiExamples.PREFERENCES)))
    @APIResponse(responseCode = "400", description = "Missing or unknown groupComfort / preferredModality, unknown day, unknown field", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not change preferences, or a scheduler sent considerations", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another change of the patient committed first (request sent without If-Match): read again and retry",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version, or another change committed first", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The patient is discharged", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response change(@Parameter(description = "Patient id") @PathParam("id") UUID id,
                           @Parameter(description = "Optional ETag of the patient") @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull PreferencesRequest request) {
        Patient patient = preferences.change(id, ifMatch, request);
        return Response.ok(PreferencesResponse.from(patient, preferences.mayReadConsiderations())).header("ETag", ETags.of(patient.version)).build();
    }

    @GET
    @Path("/history")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.PATIENT })
    @Operation(operationId = "listPreferenceChanges", summary = "Read the history of a patient's preferences",
            description = "Every change, newest first: who changed it, when, and the values before (null for the first) and after. "
                    + "considerations is left out of before and after for a scheduler (minimum necessary). "
                    + "A patient may read only their own; any other id answers 404.")
    @APIResponse(responseCode = "200", description = "A page of changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pages.PreferenceChangePage.class),
                    examples = @ExampleObject(name = "one change", value = ApiExamples.PREFERENCE_HISTORY)))
    @APIResponse(responseCode = "400", description = "id is not a UUID, bad page or size", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read preferences", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient (or not the caller's own)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<PreferenceChangeResponse> history(@Parameter(description = "Patient id") @PathParam("id") UUID id,
                                                  @Valid @BeanParam PageQuery page) {
        boolean withConsiderations = preferences.mayReadConsiderations();
        return preferences.history(id, page).map(change -> PreferenceChangeResponse.from(change, withConsiderations));
    }
}
