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

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.FhirAnswers;
import care.iop.fhir.FhirException;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.FhirRequest;
import care.iop.fhir.FhirVersions;
import care.iop.fhir.Interaction;
import care.iop.fhir.SearchBundles;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.idempotency.Idempotent;
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

    /**
     * Status waitlist, booked, fulfilled, noshow or cancelled. A patient token reads only its own; an external caller a
     * Part 2 patient's only with the patient's disclosure consent (then labelled).
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION, Roles.PATIENT })
    public Response read(@PathParam("id") String id) {
        access.require(TYPE, Interaction.READ);
        return FhirAnswers.ok(readable(id));
    }

    /** Only the current version is kept: it is served for its versionId, any other is 404. */
    @GET
    @Path("/{id}/_history/{versionId}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION, Roles.PATIENT })
    public Response vread(@PathParam("id") String id, @PathParam("versionId") String versionId) {
        access.require(TYPE, Interaction.READ);
        return FhirAnswers.vread(readable(id), versionId);
    }

    /**
     * Parameters _id, patient, practitioner, date (Appointment.start), status, slot, _lastUpdated, _count, _offset,
     * _include=Appointment:slot; sorted by start. For an external caller the seats of Part 2 patients without consent
     * are left out of the entries and the total.
     */
    @GET
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION, Roles.PATIENT })
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

    /**
     * Books one Patient into the named Slot's group session by the JSON API's booking rules: 201 booked, or waitlist
     * with its position when the group is full; 409 already on the roster or booked at that time; 422 no such Slot, not
     * eligible, session over or cancelled.
     */
    @POST
    @Idempotent
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN })
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

    /**
     * Cancels the seat (status cancelled; the same Appointment again changes nothing); If-Match is honoured (412 when
     * stale). Late under 24 h is flagged and the waitlist's head promoted; a started session's seat is 422.
     */
    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
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
        Seat seat = FhirAnswers.find(TYPE, id, bookingId -> seats.byId(bookingId, SeatFilter.appointments()));
        access.requirePatient(seat.booking().patientId, TYPE, seat.booking().id);
        return seat;
    }
}
