package care.iop.session.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.consistency.ReadYourWrites;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.Roles;
import care.iop.session.domain.Booking;
import care.iop.session.domain.SessionSeries;
import care.iop.session.privacy.SessionPrivacy;
import care.iop.session.service.SeriesService;

@Path("/api/v1/session-series")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Session series", description = "Weekly recurring sessions and rolling admission")
public class SeriesResource {
    static final String RESOURCE = "SessionSeries";

    @Inject
    SeriesService series;

    @Inject
    SessionMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    SessionPrivacy privacy;

    @POST

    @Idempotent
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN })
    @ReadYourWrites
    @Transactional
    @Operation(operationId = "createSessionSeries", summary = "Create a weekly series",
            description = "Creates every occurrence (days of week, local start time in the program time zone, duration, from a date until a "
                    + "date or for a count). Occurrences keep their wall-clock time across daylight-saving changes. Any conflicting "
                    + "occurrence refuses the whole series (409 naming the colliding session). Change or cancel one occurrence, or it "
                    + "and all following ones, through PUT /api/v1/sessions/{id} and POST /api/v1/sessions/{id}/cancel with a scope.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeriesRequest.class),
            examples = @ExampleObject(name = "group", value = """
                    {"type":"GROUP","clinicianId":"6a1c2f0e-8f0a-4c47-9a57-1d0c8f4b2e11","daysOfWeek":["MONDAY","WEDNESDAY","FRIDAY"],
                     "startTime":"09:00","durationMinutes":180,"from":"2027-03-01","count":12,"topic":"Relapse prevention",
                     "capacity":12,"location":"Room A"}""")))
    @APIResponse(responseCode = "201", description = "The series with its occurrences", content = @Content(schema = @Schema(implementation = Views.SeriesView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (e.g. both or neither of until and count)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role may not schedule")
    @APIResponse(responseCode = "409", description = "An occurrence overlaps another session (named)")
    @APIResponse(responseCode = "422", description = "Clinician or patient not allowed")
    public Response create(@Valid @NotNull SeriesRequest request) {
        SessionSeries created = series.create(request);
        if (created.patientId != null) {
            audit.success(AuditAction.CREATE, RESOURCE, created.id, created.patientId);
        }
        return Response.created(URI.create("/api/v1/session-series/" + created.id))
                .entity(mapper.series(created, series.occurrences(created.id))).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION })
    @Transactional
    @Operation(operationId = "getSessionSeries", summary = "Read a series",
            description = "The series and its occurrences in time order. 42 CFR Part 2: an INDIVIDUAL or FAMILY series is its patient's "
                    + "record; for an external caller one of a Part 2 patient without the patient's disclosure consent is not found "
                    + "(404, audited as DENIED).")
    @APIResponse(responseCode = "200", description = "The series")
    @APIResponse(responseCode = "400", description = "Bad id")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role may not read series")
    @APIResponse(responseCode = "404", description = "No such series (or, for an external caller, a Part 2 patient's series without consent)")
    public Views.SeriesView get(@PathParam("id") UUID id) {
        SessionSeries found = series.get(id);
        if (found.patientId != null) {
            if (!privacy.permits(found.patientId, RESOURCE, id)) {
                throw ProblemException.notFound(SeriesService.NOT_FOUND, id);
            }
            audit.success(AuditAction.READ, RESOURCE, id, found.patientId);
        }
        return mapper.series(found, series.occurrences(id));
    }

    @POST

    @Idempotent
    @Path("/{id}/participants")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN })
    @ReadYourWrites
    @Transactional
    @Operation(operationId = "bookSeriesSeats", summary = "Book a patient into every future occurrence",
            description = "Rolling admission: each future occurrence books the patient (or waitlists when full). Same eligibility and "
                    + "conflict rules as a single booking; all or nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingRequest.class),
            examples = @ExampleObject(name = "book", value = "{\"patientId\":\"3f0b6c1e-2d4a-4e8b-9c1d-7a2b5e9f0c33\"}")))
    @APIResponse(responseCode = "201", description = "The booking in each occurrence", content = @Content(schema = @Schema(implementation = Views.SeriesBookingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role may not book")
    @APIResponse(responseCode = "404", description = "No such series")
    @APIResponse(responseCode = "409", description = "An occurrence overlaps another booking of the patient (named)")
    @APIResponse(responseCode = "422", description = "Patient not eligible, or no future occurrence")
    public Response book(@PathParam("id") UUID id, @Valid @NotNull BookingRequest request) {
        List<Booking> booked = series.book(id, request.patientId());
        audit.success(AuditAction.CREATE, RESOURCE, id, request.patientId());
        return Response.created(URI.create("/api/v1/session-series/" + id + "/participants/" + request.patientId()))
                .entity(new Views.SeriesBookingView(id, request.patientId(), booked.stream().map(mapper::booking).toList())).build();
    }
}
