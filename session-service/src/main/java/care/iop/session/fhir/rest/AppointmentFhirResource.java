package care.iop.session.fhir.rest;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.FhirException;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.FhirRequest;
import care.iop.fhir.FhirVersions;
import care.iop.fhir.Interaction;
import care.iop.fhir.SearchBundles;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.security.Roles;
import care.iop.session.config.SessionConfig;
import care.iop.session.domain.Booking;
import care.iop.session.fhir.domain.Found;
import care.iop.session.fhir.domain.RosterFilter;
import care.iop.session.fhir.domain.Seat;
import care.iop.session.fhir.domain.SeatFilter;
import care.iop.session.fhir.service.Rosters;
import care.iop.session.fhir.service.Seats;
import care.iop.session.service.BookingService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * FHIR R4 Appointment: one per seat (a booking of one patient in one session), read, searched, created to book a group
 * seat (or a waitlist place when the group is full) and updated to cancel it, through the booking rules of the JSON API
 * ({@link BookingService}: eligibility, capacity, waitlist, overlaps, audit, events). docs/fhir-session.md.
 */
@Path(FhirMedia.BASE_PATH + "/Appointment")
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
@Consumes({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
@Tag(name = "FHIR", description = "FHIR R4 resources of sessions: Appointment, Slot, Schedule, Group, Encounter")
public class AppointmentFhirResource {
    static final String TYPE = "Appointment";
    static final Set<String> SEARCH = Set.of("_id", "patient", "practitioner", "date", "status", "slot");
    static final String INCLUDE_SLOT = "Appointment:slot";
    static final Set<String> STATUSES = Arrays.stream(Appointment.AppointmentStatus.values())
            .filter(s -> s != Appointment.AppointmentStatus.NULL).map(Appointment.AppointmentStatus::toCode).collect(Collectors.toSet());

    @Inject
    SessionFhirAccess access;

    @Inject
    SessionFhirViews views;

    @Inject
    Seats seats;

    @Inject
    Rosters rosters;

    @Inject
    AppointmentRequests requests;

    @Inject
    BookingService bookings;

    @Inject
    AuditLog audit;

    @Inject
    FhirRequest request;

    @Inject
    SessionConfig config;

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION, Roles.PATIENT })
    @Operation(operationId = "readFhirAppointment", summary = "Read an Appointment (a seat in a session)",
            description = "Status waitlist, booked, fulfilled, noshow or cancelled; ETag W/\"<versionId>\". Scope Appointment.r. A patient "
                    + "token reads only its own; an external caller a Part 2 patient's only with the patient's disclosure consent "
                    + "(then with the Part 2 security labels).")
    @APIResponse(responseCode = "200", description = "The Appointment", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "waitlisted", value = FhirExamples.APPOINTMENT)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role or scope missing", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "scope", value = FhirExamples.OUTCOME_403)))
    @APIResponse(responseCode = "404", description = "No such Appointment (or another patient's)", content = @Content(
            mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "unknown", value = FhirExamples.OUTCOME_404)))
    public Response read(@PathParam("id") String id) {
        access.require(TYPE, Interaction.READ);
        return FhirAnswers.ok(readable(id));
    }

    @GET
    @Path("/{id}/_history/{versionId}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION, Roles.PATIENT })
    @Operation(operationId = "vreadFhirAppointment", summary = "Read a version of an Appointment",
            description = "Only the current version is kept: it is served for its versionId, any other is 404.")
    @APIResponse(responseCode = "200", description = "The Appointment at that version")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role or scope missing")
    @APIResponse(responseCode = "404", description = "No such Appointment or version", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "unknown", value = FhirExamples.OUTCOME_404)))
    public Response vread(@PathParam("id") String id, @PathParam("versionId") String versionId) {
        access.require(TYPE, Interaction.READ);
        return FhirAnswers.version(readable(id), versionId);
    }

    @GET
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION, Roles.PATIENT })
    @Operation(operationId = "searchFhirAppointments", summary = "Search Appointments",
            description = "Parameters _id, patient, practitioner, date (Appointment.start; prefixes ge, gt, le, lt, eq, sa, eb; days in the "
                    + "program time zone), status, slot, _lastUpdated, _count (default 20, at most 100), _offset, _include=Appointment:slot. "
                    + "Sorted by start. A patient token finds only its own; for an external caller the seats of Part 2 patients without "
                    + "consent are left out of the entries and the total.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle with paging links")
    @APIResponse(responseCode = "400", description = "Unknown or malformed parameter (named in expression)", content = @Content(
            mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "date", value = FhirExamples.OUTCOME_400)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role or scope missing", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "scope", value = FhirExamples.OUTCOME_403)))
    public Bundle search() {
        access.require(TYPE, Interaction.SEARCH);
        SearchQuery query = new SearchQuery(request.queryParameters(), SEARCH);
        Set<String> includes = query.includes(Set.of(INCLUDE_SLOT));
        Set<UUID> asked = query.references("patient", "Patient");
        Set<UUID> patients = access.patients(asked);
        if (patients != null) {
            patients.removeIf(patient -> !access.permits(patient, TYPE, "?patient=" + patient));
        }
        SeatFilter filter = SeatFilter.appointments().ids(query.ids()).patients(patients)
                .clinicians(query.references("practitioner", "Practitioner")).sessions(query.references("slot", "Slot"))
                .statuses(query.codes("status", "http://hl7.org/fhir/appointmentstatus", STATUSES))
                .start(query.dates("date", config.timeZone())).lastUpdated(query.lastUpdated()).visiblePart2(access.visiblePart2());
        Found<Seat> found = seats.search(filter, query.offset(), query.count());
        Set<UUID> shown = new LinkedHashSet<>(asked == null || patients == null ? Set.of() : patients);
        found.items().forEach(seat -> shown.add(seat.booking().patientId));
        audit.success(AuditAction.SEARCH, TYPE, null, shown);
        List<Resource> matches = found.items().stream().<Resource>map(views::appointment).toList();
        return SearchBundles.searchset(request, matches, found.total(), query.offset(), query.count(),
                includes.contains(INCLUDE_SLOT) ? slots(found.items()) : List.of());
    }

    /** The Slots of the group sessions of these seats, when the caller may read Slots (else none: FHIR lets a server leave them out). */
    private List<Resource> slots(List<Seat> seats) {
        Set<UUID> sessions = seats.stream().filter(s -> s.session().type.hasRoster()).map(s -> s.session().id).collect(Collectors.toSet());
        if (sessions.isEmpty() || !access.mayRead(SlotFhirResource.TYPE, SessionFhirAccess.ROSTER_READERS)) {
            return List.of();
        }
        return rosters.search(RosterFilter.all().ids(sessions), 0, sessions.size()).items().stream().<Resource>map(views::slot).toList();
    }

    @POST
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(operationId = "createFhirAppointment", summary = "Book a group seat with an Appointment",
            description = "The Appointment names one Slot (the group session) and one Patient participant (optionally the session's "
                    + "Practitioner, start and end, which must be the session's); status booked, proposed, pending or waitlist. Answers "
                    + "201 with the Appointment booked, or waitlist with its position when the group is full. Every booking rule of the "
                    + "JSON API holds (POST /api/v1/sessions/{id}/participants): eligibility 422, already on the roster or booked at that "
                    + "time 409, session over or cancelled 422. Scope Appointment.c.")
    @RequestBody(content = {
            @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "book", value = FhirExamples.BOOK)),
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "book", value = FhirExamples.BOOK)) })
    @APIResponse(responseCode = "201", description = "Booked or waitlisted (Location at _history, ETag)", content = @Content(
            mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "waitlisted", value = FhirExamples.APPOINTMENT)))
    @APIResponse(responseCode = "400", description = "Not an Appointment, or not FHIR JSON (element named)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role or scope missing", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "scope", value = FhirExamples.OUTCOME_403)))
    @APIResponse(responseCode = "409", description = "Already on the roster, or booked into an overlapping session", content = @Content(
            mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "duplicate", value = FhirExamples.OUTCOME_409)))
    @APIResponse(responseCode = "422", description = "No such Slot; element not as required; patient not eligible; session over or cancelled",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "no patient", value = FhirExamples.OUTCOME_422)))
    public Response create(Appointment body) {
        access.require(TYPE, Interaction.CREATE);
        AppointmentRequests.SeatRequest asked = requests.seat(body);
        var roster = rosters.byId(asked.sessionId())
                .orElseThrow(() -> FhirException.unprocessable("No Slot has the id " + asked.sessionId(), "Appointment.slot[0]"));
        requests.requireMatches(asked, roster.session());
        // audited, announced and placed (booked or waitlisted) by the booking service, as a booking through the JSON API
        Booking booking = bookings.book(asked.sessionId(), asked.patientId(), placed -> null);
        Seat seat = seats.byId(booking.id, SeatFilter.appointments()).orElseThrow();
        return FhirAnswers.created(views.appointment(seat), request.baseUrl());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Operation(operationId = "updateFhirAppointment", summary = "Cancel a seat by updating its Appointment",
            description = "The only change is status cancelled (with cancelationReason.text, at most 500 characters); the same "
                    + "Appointment again changes nothing. If-Match with the ETag of the last read is honoured (412 when stale). As "
                    + "DELETE /api/v1/sessions/{id}/participants/{patientId}: flagged late under 24 h, the head of the waitlist is "
                    + "promoted, a started session's seat is not cancelled (422). A patient token cancels only its own. Scope Appointment.u.")
    @RequestBody(content = {
            @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "cancel", value = FhirExamples.CANCEL)),
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "cancel", value = FhirExamples.CANCEL)) })
    @APIResponse(responseCode = "200", description = "The Appointment (cancelled)")
    @APIResponse(responseCode = "400", description = "Not an Appointment, not FHIR JSON, or its id not the one in the URL")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role or scope missing", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "scope", value = FhirExamples.OUTCOME_403)))
    @APIResponse(responseCode = "404", description = "No such Appointment (or another patient's)", content = @Content(
            mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "unknown", value = FhirExamples.OUTCOME_404)))
    @APIResponse(responseCode = "412", description = "If-Match names another version", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "stale", value = FhirExamples.OUTCOME_412)))
    @APIResponse(responseCode = "422", description = "A change other than the cancellation; session started or taken place", content = @Content(
            mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "no patient", value = FhirExamples.OUTCOME_422)))
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Appointment body) {
        access.require(TYPE, Interaction.UPDATE);
        if (!Objects.equals(id, body.getIdElement().getIdPart())) {
            throw FhirException.badRequest("The Appointment's id must be the one in the URL (" + id + ")", "Appointment.id");
        }
        Seat current = seat(id);
        FhirVersions.requireMatch(ifMatch, current.revision().version());
        AppointmentRequests.Cancellation cancellation = requests.cancellation(body, views.appointment(current));
        Booking booking = current.booking();
        if (cancellation == null) {
            audit.success(AuditAction.READ, TYPE, booking.id, booking.patientId);
            return FhirAnswers.ok(views.appointment(current));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            bookings.cancel(booking.sessionId, booking.patientId, cancellation.reason());
            audit.success(AuditAction.UPDATE, TYPE, booking.id, booking.patientId);
        });
        return FhirAnswers.ok(views.appointment(seats.byId(booking.id, SeatFilter.appointments()).orElseThrow()));
    }

    /** The Appointment, audited as read, when the caller may see it. */
    private Appointment readable(String id) {
        Seat seat = seat(id);
        audit.success(AuditAction.READ, TYPE, seat.booking().id, seat.booking().patientId);
        return views.appointment(seat);
    }

    /** The seat of an Appointment id; 404 when unknown, another patient's for a patient token, or not disclosable to the caller. */
    private Seat seat(String id) {
        UUID bookingId = Ids.parse(TYPE, id);
        Seat seat = seats.byId(bookingId, SeatFilter.appointments()).orElseThrow(() -> FhirException.notFound(TYPE, id));
        access.requirePatient(seat.booking().patientId, TYPE, bookingId);
        return seat;
    }
}
