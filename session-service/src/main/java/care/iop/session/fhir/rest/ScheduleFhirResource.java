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

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;

import care.iop.fhir.FhirAnswers;
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

    /** The group sessions one clinician leads (the id is the clinician's); 404 until the clinician leads one. */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION })
    public Response read(@PathParam("id") String id) {
        access.require(TYPE, Interaction.READ);
        return FhirAnswers.ok(schedule(id));
    }

    /** Only the current version (1) is kept; any other is 404. */
    @GET
    @Path("/{id}/_history/{versionId}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION })
    public Response vread(@PathParam("id") String id, @PathParam("versionId") String versionId) {
        access.require(TYPE, Interaction.READ);
        return FhirAnswers.vread(schedule(id), versionId);
    }

    /** Parameters _id, actor ({@code Practitioner/<id>}), _lastUpdated, _count, _offset; sorted by id. */
    @GET
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION })
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
        return mapper.toFhir(FhirAnswers.find(TYPE, id, schedules::of));
    }
}
