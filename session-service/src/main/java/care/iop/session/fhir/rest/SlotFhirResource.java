package care.iop.session.fhir.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
import org.hl7.fhir.r4.model.Slot;

import care.iop.fhir.FhirAnswers;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.FhirRequest;
import care.iop.fhir.Interaction;
import care.iop.fhir.SearchBundles;
import care.iop.platform.security.Roles;
import care.iop.session.config.SessionConfig;
import care.iop.session.fhir.domain.Found;
import care.iop.session.fhir.domain.Roster;
import care.iop.session.fhir.domain.RosterFilter;
import care.iop.session.fhir.domain.TimeWindow;
import care.iop.session.fhir.service.GroupSchedules;
import care.iop.session.fhir.service.Rosters;

/**
 * FHIR R4 Slot: one per group session, the seats an Appointment books (capacity, seats taken and waitlist as our
 * extensions). No patient data: read like the session counts of the JSON API, by staff and external callers.
 */
@Path(FhirMedia.BASE_PATH + "/Slot")
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
public class SlotFhirResource {
    static final String TYPE = "Slot";
    static final Set<String> SEARCH = Set.of("_id", "schedule", "start", "status");
    static final String INCLUDE_SCHEDULE = "Slot:schedule";
    static final Set<String> STATUSES = Arrays.stream(Slot.SlotStatus.values()).filter(s -> s != Slot.SlotStatus.NULL)
            .map(Slot.SlotStatus::toCode).collect(Collectors.toSet());

    @Inject
    SessionFhirAccess access;

    @Inject
    SessionFhirViews views;

    @Inject
    Rosters rosters;

    @Inject
    GroupSchedules schedules;

    @Inject
    ScheduleMapper scheduleMapper;

    @Inject
    FhirRequest request;

    @Inject
    SessionConfig config;

    /**
     * A group session's seats: status free, busy (full: a booking joins the waitlist) or busy-unavailable; extensions
     * slot-capacity, slot-booked and slot-waitlisted. Only group sessions have a Slot (else 404).
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION })
    public Response read(@PathParam("id") String id) {
        access.require(TYPE, Interaction.READ);
        return FhirAnswers.ok(views.slot(roster(id)));
    }

    /** Only the current version is kept; any other is 404. */
    @GET
    @Path("/{id}/_history/{versionId}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION })
    public Response vread(@PathParam("id") String id, @PathParam("versionId") String versionId) {
        access.require(TYPE, Interaction.READ);
        return FhirAnswers.vread(views.slot(roster(id)), versionId);
    }

    /**
     * Parameters _id, schedule, start (days in the program time zone), status, _lastUpdated, _count, _offset,
     * _include=Slot:schedule; sorted by start.
     */
    @GET
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION })
    public Bundle search() {
        access.require(TYPE, Interaction.SEARCH);
        SearchQuery query = new SearchQuery(request.queryParameters(), SEARCH);
        Set<String> includes = query.includes(Set.of(INCLUDE_SCHEDULE));
        RosterFilter filter = RosterFilter.all().ids(query.ids()).clinicians(query.references("schedule", ScheduleFhirResource.TYPE))
                .statuses(query.codes("status", "http://hl7.org/fhir/slotstatus", STATUSES))
                .start(query.dates("start", config.timeZone())).lastUpdated(query.lastUpdated());
        Found<Roster> found = rosters.search(filter, query.offset(), query.count());
        List<Resource> matches = found.items().stream().<Resource>map(views::slot).toList();
        List<Resource> included = List.of();
        if (includes.contains(INCLUDE_SCHEDULE) && !found.items().isEmpty() && access.mayRead(ScheduleFhirResource.TYPE,
                SessionFhirAccess.ROSTER_READERS)) {
            Set<UUID> leaders = found.items().stream().map(r -> r.session().clinicianId).collect(Collectors.toSet());
            included = schedules.search(leaders, TimeWindow.ANY, 0, leaders.size()).items().stream().<Resource>map(scheduleMapper::toFhir).toList();
        }
        return SearchBundles.searchset(request, matches, found.total(), query.offset(), query.count(), included);
    }

    private Roster roster(String id) {
        return FhirAnswers.find(TYPE, id, rosters::byId);
    }
}
