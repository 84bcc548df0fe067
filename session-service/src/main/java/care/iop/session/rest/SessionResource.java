package care.iop.session.rest;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
import care.iop.platform.consistency.ReadYourWrites;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.security.Roles;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;
import care.iop.session.config.SessionConfig;
import care.iop.session.domain.Booking;
import care.iop.session.domain.SessionType;
import care.iop.session.domain.TherapySession;
import care.iop.session.privacy.SessionPrivacy;
import care.iop.session.service.SessionService;
import care.iop.session.service.TimeParams;

@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Individual, group and family therapy sessions")
public class SessionResource {
    static final String RESOURCE = "Session";

    @Inject
    SessionService sessions;

    @Inject
    SessionMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    SessionConfig config;

    @Inject
    SessionPrivacy privacy;

    @POST

    @Idempotent
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN })
    @ReadYourWrites
    @Transactional
    @Operation(operationId = "createSession", summary = "Schedule a session",
            description = "INDIVIDUAL and FAMILY sessions name a patient, who is booked at once (eligibility from the plan); GROUP sessions "
                    + "have a capacity (default 12, at most the configured maximum) and a clinician who may lead groups. A clinician, "
                    + "a room or a patient is never in two overlapping sessions: the database refuses it, even for concurrent requests.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionRequest.class),
            examples = {
                    @ExampleObject(name = "group", value = """
                            {"type":"GROUP","clinicianId":"6a1c2f0e-8f0a-4c47-9a57-1d0c8f4b2e11","start":"2026-12-01T09:00:00-05:00",
                             "end":"2026-12-01T12:00:00-05:00","topic":"Relapse prevention","capacity":12,"location":"Room A"}"""),
                    @ExampleObject(name = "individual", value = """
                            {"type":"INDIVIDUAL","clinicianId":"6a1c2f0e-8f0a-4c47-9a57-1d0c8f4b2e11","patientId":"3f0b6c1e-2d4a-4e8b-9c1d-7a2b5e9f0c33",
                             "start":"2026-12-02T14:00:00-05:00","end":"2026-12-02T14:53:00-05:00","location":"TELEHEALTH"}""") }))
    @APIResponse(responseCode = "201", description = "Scheduled", content = @Content(schema = @Schema(implementation = Views.SessionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (named in the problem)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role may not schedule")
    @APIResponse(responseCode = "409", description = "Overlaps another session of the clinician, room or patient (named in the problem)")
    @APIResponse(responseCode = "422", description = "Clinician unknown or may not lead groups; patient not eligible")
    public Response create(@Valid @NotNull SessionRequest request, @Context UriInfo uri) {
        TherapySession session = sessions.create(request);
        if (session.patientId != null) {
            audit.success(AuditAction.CREATE, RESOURCE, session.id, session.patientId);
        }
        return Response.created(uri.getAbsolutePathBuilder().path(session.id.toString()).build())
                .tag(String.valueOf(session.version)).entity(mapper.staff(session)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION, Roles.PATIENT })
    @Transactional
    @Operation(operationId = "getSession", summary = "Read a session",
            description = "Staff see the session with its counts (ETag = version). A patient token sees only a session it is booked or "
                    + "waitlisted in, and only topic, time, place, clinician and its own booking: never another member nor the counts. "
                    + "42 CFR Part 2: an INDIVIDUAL or FAMILY session is its patient's record; for an external caller (integration) "
                    + "one of a Part 2 patient without the patient's disclosure consent is not found (404, audited as DENIED). A GROUP "
                    + "session is shown with its counts.")
    @APIResponse(responseCode = "200", description = "The session", content = @Content(schema = @Schema(implementation = Views.SessionDetailDoc.class)))
    @APIResponse(responseCode = "400", description = "Bad id")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "No such session (or not the patient's; or, for an external caller, a Part 2 patient's session without consent)")
    public Response get(@PathParam("id") UUID id) {
        TherapySession session = sessions.get(id);
        if (user.isPatientOnly()) {
            UUID own = user.patientId().orElseThrow(() -> ProblemException.notFound(RESOURCE, id));
            Booking booking = Booking.of(id, own);
            if (booking == null) {
                throw ProblemException.notFound(RESOURCE, id);
            }
            audit.success(AuditAction.READ, RESOURCE, id, own);
            return Response.ok(mapper.patient(session, booking)).build();
        }
        privacy.requireSession(session, RESOURCE);
        if (session.patientId != null) {
            audit.success(AuditAction.READ, RESOURCE, id, session.patientId);
        }
        // the type named here (not only in @Produces) lets the platform's Part2Notice put the notice into the body too
        return Response.ok(mapper.staff(session), MediaType.APPLICATION_JSON_TYPE).tag(String.valueOf(session.version)).build();
    }

    @GET
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION })
    @Transactional
    @Operation(operationId = "searchSessions", summary = "Search sessions",
            description = "Filters combine; from/to take a date (a day in the program time zone, to inclusive) or a date-time with offset "
                    + "(to exclusive), in the years 1-9999. Sorted by start. 42 CFR Part 2: for an external caller the INDIVIDUAL and "
                    + "FAMILY sessions of Part 2 patients without the patient's disclosure consent are left out of the items and the "
                    + "total, and a search by such a patient finds nothing (audited as DENIED).")
    @APIResponse(responseCode = "200", description = "A page of sessions")
    @APIResponse(responseCode = "400", description = "Bad filter or page parameter")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role may not search sessions")
    public Page<Views.SessionView> list(
            @Parameter(description = "Led by this clinician") @QueryParam("clinicianId") UUID clinicianId,
            @Parameter(description = "With this patient booked or waitlisted") @QueryParam("patientId") UUID patientId,
            @Parameter(description = "INDIVIDUAL, GROUP or FAMILY") @QueryParam("type") SessionType type,
            @Parameter(description = "Ending after", example = "2026-12-01") @QueryParam("from") String from,
            @Parameter(description = "Starting before", example = "2026-12-07") @QueryParam("to") String to,
            @Parameter(description = "booked, cancelled or fulfilled") @QueryParam("status") String status,
            @Valid @BeanParam PageQuery page) {
        if (status != null && !List.of("booked", "cancelled", "fulfilled").contains(status)) {
            throw ProblemException.invalidField("status", "must be one of booked, cancelled, fulfilled");
        }
        OffsetDateTime fromTime = TimeParams.from(from, config.timeZone());
        OffsetDateTime toTime = TimeParams.to(to, config.timeZone());
        if (patientId != null && !privacy.permits(patientId, RESOURCE, "?patientId=" + patientId)) {
            return Page.of(List.of(), page, 0);
        }
        Page<TherapySession> found = sessions.list(new SessionService.Filter(clinicianId, patientId, type, fromTime, toTime, status,
                privacy.visiblePart2Patients().orElse(null)), page);
        // every patient whose data the answer shows: the one searched for, and each of an individual or family session
        Set<UUID> shown = new LinkedHashSet<>();
        if (patientId != null) {
            shown.add(patientId);
        }
        found.items().stream().map(s -> s.patientId).filter(Objects::nonNull).forEach(shown::add);
        audit.success(AuditAction.SEARCH, RESOURCE, null, shown);
        return found.map(mapper::staff);
    }

    @POST

    @Idempotent
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN })
    @Transactional
    @Operation(operationId = "cancelSession", summary = "Cancel a session",
            description = "Cancels the session and every booking in it (booking.cancelled events notify the patients). For a series occurrence, "
                    + "scope THIS_AND_FOLLOWING cancels the later occurrences too. Returns the cancelled sessions. A session that has "
                    + "started cannot be cancelled (422): its attendance is recorded instead.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CancelRequest.class),
            examples = @ExampleObject(name = "cancel", value = "{\"reason\":\"Clinician ill\",\"scope\":\"THIS\"}")))
    @APIResponse(responseCode = "200", description = "The cancelled sessions")
    @APIResponse(responseCode = "400", description = "Reason missing")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role may not cancel sessions")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "Already cancelled")
    @APIResponse(responseCode = "422", description = "Session has started or already took place")
    public List<Views.SessionView> cancel(@PathParam("id") UUID id, @Valid @NotNull CancelRequest request) {
        List<TherapySession> cancelled = sessions.cancel(id, request.reason(), request.scope());
        cancelled.stream().filter(s -> s.patientId != null).forEach(s -> audit.success(AuditAction.UPDATE, RESOURCE, s.id, s.patientId));
        return cancelled.stream().map(mapper::staff).toList();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN })
    @ReadYourWrites
    @Transactional
    @Operation(operationId = "rescheduleSession", summary = "Reschedule a session",
            description = "New time, place, topic, capacity or clinician; requires If-Match with the ETag of the last read. Bookings move with "
                    + "the session; conflicts are refused as on creation. Scope THIS_AND_FOLLOWING moves later occurrences of the series "
                    + "to the same local time. A session that has started cannot be moved (422).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RescheduleRequest.class),
            examples = @ExampleObject(name = "move", value = """
                    {"start":"2026-12-01T10:00:00-05:00","end":"2026-12-01T13:00:00-05:00","location":"Room B","scope":"THIS"}""")))
    @APIResponse(responseCode = "200", description = "The rescheduled session", headers = @Header(name = "ETag", description = "New version (an entity tag: send it in If-Match)", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.SessionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role may not reschedule")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "Overlaps another session (named)")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "422", description = "Session cancelled, fulfilled or started; capacity below bookings; clinician not allowed")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response reschedule(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull RescheduleRequest request) {
        TherapySession session = sessions.reschedule(id, ifMatch, request);
        if (session.patientId != null) {
            audit.success(AuditAction.UPDATE, RESOURCE, id, session.patientId);
        }
        return Response.ok(mapper.staff(session)).tag(String.valueOf(session.version)).build();
    }
}
