package care.iop.session.fhir.rest;

import java.util.LinkedHashSet;
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
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.FhirAnswers;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.FhirRequest;
import care.iop.fhir.Interaction;
import care.iop.fhir.SearchBundles;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.security.Roles;
import care.iop.session.fhir.domain.Found;
import care.iop.session.fhir.domain.Roster;
import care.iop.session.fhir.domain.RosterFilter;
import care.iop.session.fhir.service.Rosters;

/**
 * FHIR R4 Group: a group session's roster (actual, members with periods), read and searched like the roster of the JSON
 * API (GET /api/v1/sessions/{id}/participants): staff and external callers, a Part 2 member without consent left out for
 * an external caller, every member shown audited. The gateway reads it to list a Group's patients for
 * {@code Group/{id}/$export}.
 */
@Path(FhirMedia.BASE_PATH + "/Group")
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
public class GroupFhirResource {
    static final String TYPE = "Group";
    static final Set<String> SEARCH = Set.of("_id", "member");

    @Inject
    SessionFhirAccess access;

    @Inject
    SessionFhirViews views;

    @Inject
    Rosters rosters;

    @Inject
    AuditLog audit;

    @Inject
    FhirRequest request;

    /**
     * A group session's roster: the patients who hold or held a seat (not the waitlist). Patients read their own
     * Appointments, not rosters (403); only group sessions have a Group (else 404).
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION })
    public Response read(@PathParam("id") String id) {
        access.require(TYPE, Interaction.READ);
        return FhirAnswers.ok(readable(id));
    }

    /** Only the current version is kept; any other is 404. */
    @GET
    @Path("/{id}/_history/{versionId}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION })
    public Response vread(@PathParam("id") String id, @PathParam("versionId") String versionId) {
        access.require(TYPE, Interaction.READ);
        return FhirAnswers.vread(readable(id), versionId);
    }

    /**
     * Parameters _id, member ({@code Patient/<id>}), _lastUpdated, _count, _offset; sorted by the session's start. For
     * an external caller a search by a Part 2 patient without consent finds nothing.
     */
    @GET
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION })
    public Bundle search() {
        access.require(TYPE, Interaction.SEARCH);
        SearchQuery query = new SearchQuery(request.queryParameters(), SEARCH);
        query.includes(Set.of());
        Set<UUID> members = query.references("member", "Patient");
        if (members != null) {
            members.removeIf(patient -> !access.permits(patient, TYPE, "?member=" + patient));
        }
        Found<Roster> found = rosters.search(RosterFilter.all().ids(query.ids()).members(members).lastUpdated(query.lastUpdated()),
                query.offset(), query.count());
        List<Group> groups = found.items().stream().map(views::group).toList();
        Set<UUID> shown = new LinkedHashSet<>(members == null ? Set.of() : members);
        groups.forEach(group -> shown.addAll(SessionFhirViews.memberIds(group)));
        audit.success(AuditAction.SEARCH, TYPE, null, shown);
        return SearchBundles.searchset(request, groups.stream().<Resource>map(g -> g).toList(), found.total(), query.offset(),
                query.count(), List.of());
    }

    /** The Group with the members the caller may see, each audited as read. */
    private Group readable(String id) {
        Roster roster = FhirAnswers.find(TYPE, id, rosters::byId);
        Group group = views.group(roster);
        audit.success(AuditAction.READ, TYPE, roster.session().id, SessionFhirViews.memberIds(group));
        return group;
    }
}
