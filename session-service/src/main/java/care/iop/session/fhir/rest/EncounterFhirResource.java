package care.iop.session.fhir.rest;

import java.util.LinkedHashSet;
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
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.FhirAnswers;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.FhirRequest;
import care.iop.fhir.Interaction;
import care.iop.fhir.SearchBundles;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.security.Roles;
import care.iop.session.config.SessionConfig;
import care.iop.session.fhir.domain.Found;
import care.iop.session.fhir.domain.Seat;
import care.iop.session.fhir.domain.SeatFilter;
import care.iop.session.fhir.service.Seats;

/**
 * FHIR R4 Encounter (US Core 6.1): one per patient who attended a session, from the recorded attendance. Read like the
 * attendance of the JSON API (GET /api/v1/sessions/{id}/attendance): staff and external callers, never patients, never
 * the notes; Part 2 patients without consent left out for external callers; every patient shown audited.
 */
@Path(FhirMedia.BASE_PATH + "/Encounter")
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
public class EncounterFhirResource {
    static final String TYPE = "Encounter";
    static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-encounter";
    static final Set<String> SEARCH = Set.of("_id", "patient", "subject", "date", "identifier", "status", "appointment");
    static final String INCLUDE_APPOINTMENT = "Encounter:appointment";
    static final Set<String> STATUSES = Set.of("planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled",
            "entered-in-error", "unknown");

    @Inject
    SessionFhirAccess access;

    @Inject
    SessionFhirViews views;

    @Inject
    Seats seats;

    @Inject
    AuditLog audit;

    @Inject
    FhirRequest request;

    @Inject
    SessionConfig config;

    /**
     * A patient's attendance of a session as a US Core Encounter (same id as its Appointment); patients do not read
     * attendance (403).
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.SCHEDULER, Roles.INTEGRATION })
    public Response read(@PathParam("id") String id) {
        access.require(TYPE, Interaction.READ);
        return FhirAnswers.ok(readable(id));
    }

    /** Only the current version is kept; any other is 404. */
    @GET
    @Path("/{id}/_history/{versionId}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.SCHEDULER, Roles.INTEGRATION })
    public Response vread(@PathParam("id") String id, @PathParam("versionId") String versionId) {
        access.require(TYPE, Interaction.READ);
        return FhirAnswers.vread(readable(id), versionId);
    }

    /**
     * Parameters _id, patient (or subject), date (the period overlaps), identifier, status, appointment, _lastUpdated,
     * _count, _offset, _include=Encounter:appointment; sorted by start. For an external caller the Encounters of Part 2
     * patients without consent are left out.
     */
    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.SCHEDULER, Roles.INTEGRATION })
    public Bundle search() {
        access.require(TYPE, Interaction.SEARCH);
        SearchQuery query = new SearchQuery(request.queryParameters(), SEARCH);
        Set<String> includes = query.includes(Set.of(INCLUDE_APPOINTMENT));
        Set<UUID> patients = both(query.references("patient", "Patient"), query.references("subject", "Patient"));
        if (patients != null) {
            patients.removeIf(patient -> !access.permits(patient, TYPE, "?patient=" + patient));
        }
        Set<UUID> ids = both(both(query.ids(), identifiers(query)), query.references("appointment", AppointmentFhirResource.TYPE));
        Set<String> statuses = query.codes("status", "http://hl7.org/fhir/encounter-status", STATUSES);
        SeatFilter filter = SeatFilter.encounters().ids(ids).patients(patients).during(query.dates("date", config.timeZone()))
                .lastUpdated(query.lastUpdated()).visiblePart2(access.visiblePart2());
        Found<Seat> found = statuses != null && !statuses.contains("finished") ? new Found<>(List.of(), 0)
                : seats.search(filter, query.offset(), query.count());
        Set<UUID> shown = new LinkedHashSet<>(patients == null ? Set.of() : patients);
        found.items().forEach(seat -> shown.add(seat.booking().patientId));
        audit.success(AuditAction.SEARCH, TYPE, null, shown);
        List<Resource> matches = found.items().stream().<Resource>map(views::encounter).toList();
        List<Resource> included = includes.contains(INCLUDE_APPOINTMENT)
                && access.mayRead(AppointmentFhirResource.TYPE, List.of(Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION))
                ? found.items().stream().<Resource>map(views::appointment).toList() : List.of();
        return SearchBundles.searchset(request, matches, found.total(), query.offset(), query.count(), included);
    }

    /** The booking ids {@code identifier} names ({@code urn:ietf:rfc:3986|urn:uuid:<id>}); null when absent. */
    private static Set<UUID> identifiers(SearchQuery query) {
        Set<String> values = query.tokens("identifier", SessionFhir.URI);
        if (values == null) {
            return null;
        }
        return values.stream().filter(v -> v.startsWith("urn:uuid:")).map(v -> v.substring("urn:uuid:".length()))
                .map(SearchQuery::uuidOrNull).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }

    /** The values both criteria allow (null: no criterion). */
    private static Set<UUID> both(Set<UUID> a, Set<UUID> b) {
        if (a == null) {
            return b;
        }
        if (b != null) {
            a.retainAll(b);
        }
        return a;
    }

    private Encounter readable(String id) {
        Seat seat = FhirAnswers.find(TYPE, id, bookingId -> seats.byId(bookingId, SeatFilter.encounters()));
        access.requirePatient(seat.booking().patientId, TYPE, seat.booking().id);
        audit.success(AuditAction.READ, TYPE, seat.booking().id, seat.booking().patientId);
        return views.encounter(seat);
    }
}
