package care.iop.session.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.idempotency.IdempotentAnswer;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.security.Roles;
import care.iop.session.domain.Booking;
import care.iop.session.privacy.SessionPrivacy;
import care.iop.session.service.BookingService;
import care.iop.session.service.SessionService;

@Path("/api/v1/sessions/{id}/participants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings", description = "Group rosters with capacity and waitlist")
public class BookingResource {
    static final String RESOURCE = "Booking";

    @Inject
    BookingService bookings;

    @Inject
    SessionService sessions;

    @Inject
    SessionMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    SessionPrivacy privacy;

    @POST

    @Idempotent(recordedByCommitter = true)
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(operationId = "bookGroupSeat", summary = "Book a patient into a group",
            description = "BOOKED while seats are free, otherwise WAITLISTED with its position. Capacity is a hard invariant under concurrent "
                    + "requests. Eligibility: patient known, not discharged, with an active plan prescribing group hours, and an active "
                    + "GROUP_PARTICIPATION consent.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingRequest.class),
            examples = @ExampleObject(name = "book", value = "{\"patientId\":\"3f0b6c1e-2d4a-4e8b-9c1d-7a2b5e9f0c33\"}")))
    @APIResponse(responseCode = "201", description = "Booked or waitlisted", content = @Content(schema = @Schema(implementation = Views.BookingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role may not book")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "Already on the roster, or booked into an overlapping session (named)")
    @APIResponse(responseCode = "422", description = "Patient not eligible; session not a group, cancelled, fulfilled or over")
    public Response book(@PathParam("id") UUID id, @Valid @NotNull BookingRequest request, @Context UriInfo uri) {
        // Audited by the booking service, in the transaction that places the booking: a refused booking records no success.
        // That transaction (a group commit, maybe on another request's thread) records the Idempotency-Key answer too.
        URI location = uri.getBaseUriBuilder().path("api/v1/sessions/{id}/participants/{patientId}").build(id, request.patientId());
        Booking booking = bookings.book(id, request.patientId(), placed -> IdempotentAnswer.created(location, mapper.booking(placed)));
        return IdempotentAnswer.created(location, mapper.booking(booking)).toResponse();
    }

    @DELETE
    @Path("/{patientId}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Transactional
    @Operation(operationId = "cancelBooking", summary = "Cancel a booking",
            description = "Flagged late under 24 h before the start; the first waitlisted patient is promoted. Cancelling the patient of an "
                    + "INDIVIDUAL or FAMILY session cancels the session. A patient token may cancel only its own booking. Once the "
                    + "session has started, no booking can be cancelled (422): its attendance is recorded instead.")
    @APIResponse(responseCode = "200", description = "The cancelled booking", content = @Content(schema = @Schema(implementation = Views.BookingView.class)))
    @APIResponse(responseCode = "400", description = "Bad id")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role may not cancel bookings")
    @APIResponse(responseCode = "404", description = "No active booking (or not the patient's own)")
    @APIResponse(responseCode = "422", description = "Session has started or already took place")
    public Views.BookingView cancel(@PathParam("id") UUID id, @PathParam("patientId") UUID patientId,
                                    @Parameter(description = "Why", example = "Patient unwell") @QueryParam("reason") @Size(max = 500) String reason) {
        user.requireAccessToPatient(patientId, RESOURCE, id + "/" + patientId);
        Booking booking = bookings.cancel(id, patientId, reason);
        audit.success(AuditAction.UPDATE, RESOURCE, id, patientId);
        return mapper.booking(booking);
    }

    @GET
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION })
    @Transactional
    @Operation(operationId = "getRoster", summary = "Read the roster",
            description = "Booked patients, then the waitlist in order, then cancellations. Staff and external callers; a patient "
                    + "sees only its own booking (GET /api/v1/sessions/{id}). 42 CFR Part 2: for an external caller an INDIVIDUAL or "
                    + "FAMILY session of a Part 2 patient without the patient's disclosure consent is not found (404); in a group, "
                    + "each member who is such a patient is left out (the others keep their waitlist positions). Every member shown "
                    + "is audited (one row each).")
    @APIResponse(responseCode = "200", description = "The roster")
    @APIResponse(responseCode = "400", description = "Bad id")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role may not read rosters")
    @APIResponse(responseCode = "404", description = "No such session (or, for an external caller, a Part 2 patient's session without consent)")
    public List<Views.BookingView> roster(@PathParam("id") UUID id) {
        privacy.requireSession(sessions.get(id), SessionResource.RESOURCE);
        List<Booking> roster = privacy.members(Booking.roster(id), b -> b.patientId);
        audit.success(AuditAction.READ, RESOURCE, id, roster.stream().map(b -> b.patientId).toList());
        return roster.stream().map(mapper::booking).toList();
    }
}
