package care.iop.session.fhir.rest;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;

import care.iop.fhir.FhirException;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.FhirRequest;
import care.iop.fhir.Interaction;
import care.iop.fhir.SearchBundles;
import care.iop.platform.security.Roles;
import care.iop.session.fhir.domain.Found;
import care.iop.session.fhir.domain.GroupSchedule;
import care.iop.session.fhir.service.GroupSchedules;

/**
 * FHIR R4 Schedule: the group sessions one clinician leads (id = the clinician's id), the Schedule every Slot names
 * (R4 requires one). Read and searched by {@code actor}; no patient data.
 */
@Path(FhirMedia.BASE_PATH + "/Schedule")
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
@Tag(name = "FHIR")
public class ScheduleFhirResource {
    static final String TYPE = "Schedule";
    static final Set<String> SEARCH = Set.of("_id", "actor");

    @Inject
    SessionFhirAccess access;

    @Inject
    GroupSchedules schedules;

    @Inject
    ScheduleMapper mapper;

    @Inject
    FhirRequest request;

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(operationId = "readFhirSchedule", summary = "Read a Schedule (a clinician's group sessions)",
            description = "Exists once the clinician leads a group session; its actor is the Practitioner. Scope Schedule.r.")
    @APIResponse(responseCode = "200", description = "The Schedule")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role or scope missing", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "scope", value = FhirExamples.OUTCOME_403)))
    @APIResponse(responseCode = "404", description = "No such Schedule")
    public Response read(@PathParam("id") String id) {
        access.require(TYPE, Interaction.READ);
        return FhirAnswers.ok(schedule(id));
    }

    @GET
    @Path("/{id}/_history/{versionId}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(operationId = "vreadFhirSchedule", summary = "Read a version of a Schedule", description = "Only the current version (1) is kept.")
    @APIResponse(responseCode = "200", description = "The Schedule at that version")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role or scope missing")
    @APIResponse(responseCode = "404", description = "No such Schedule or version")
    public Response vread(@PathParam("id") String id, @PathParam("versionId") String versionId) {
        access.require(TYPE, Interaction.READ);
        return FhirAnswers.version(schedule(id), versionId);
    }

    @GET
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(operationId = "searchFhirSchedules", summary = "Search Schedules",
            description = "Parameters _id, actor (Practitioner/<id>), _lastUpdated, _count, _offset. Sorted by id.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle with paging links")
    @APIResponse(responseCode = "400", description = "Unknown or malformed parameter (named in expression)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role or scope missing")
    public Bundle search() {
        access.require(TYPE, Interaction.SEARCH);
        SearchQuery query = new SearchQuery(request.queryParameters(), SEARCH);
        query.includes(Set.of());
        Set<UUID> clinicians = query.ids();
        Set<UUID> actors = query.references("actor", "Practitioner");
        if (clinicians == null) {
            clinicians = actors;
        } else if (actors != null) {
            clinicians.retainAll(actors);
        }
        Found<GroupSchedule> found = schedules.search(clinicians, query.lastUpdated(), query.offset(), query.count());
        List<Resource> matches = found.items().stream().<Resource>map(mapper::toFhir).toList();
        return SearchBundles.searchset(request, matches, found.total(), query.offset(), query.count(), List.of());
    }

    private Schedule schedule(String id) {
        return schedules.of(Ids.parse(TYPE, id)).map(mapper::toFhir).orElseThrow(() -> FhirException.notFound(TYPE, id));
    }
}
