package care.iop.session.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.security.Roles;
import care.iop.session.config.SessionConfig;
import care.iop.session.service.ScheduleService;
import care.iop.session.service.TimeParams;

@Path("/api/v1/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schedules", description = "Agendas of patients and clinicians")
public class ScheduleResource {

    @Inject
    ScheduleService schedules;

    @Inject
    SessionMapper mapper;

    @Inject
    SessionConfig config;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @GET
    @Path("/patients/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION, Roles.PATIENT })
    @Transactional
    @Operation(summary = "A patient's agenda",
            description = "Booked and waitlisted sessions (with waitlist position) in [from, to); default: the next 7 days. from/to take a "
                    + "date (a day in the program time zone; to inclusive) or a date-time with offset. A patient token reads only its "
                    + "own agenda. Never shows other members of a group.")
    @APIResponse(responseCode = "200", description = "The agenda")
    @APIResponse(responseCode = "400", description = "Bad id, from or to")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "Another patient's agenda requested with a patient token")
    public Views.PatientAgenda patient(@PathParam("id") UUID id,
                                       @Parameter(description = "Date or date-time with offset", example = "2027-02-01") @QueryParam("from") String from,
                                       @Parameter(description = "Date (inclusive) or date-time with offset (exclusive)", example = "2027-02-07") @QueryParam("to") String to) {
        user.requireAccessToPatient(id, "Patient schedule", id);
        OffsetDateTime[] window = window(from, to);
        var entries = schedules.patientAgenda(id, window[0], window[1]).stream().map(e -> mapper.agenda(e.session(), e.booking())).toList();
        audit.success(AuditAction.READ, "PatientSchedule", id, id);
        return new Views.PatientAgenda(id, window[0], window[1], entries);
    }

    @GET
    @Path("/clinicians/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION })
    @Transactional
    @Operation(summary = "A clinician's week",
            description = "The clinician's sessions in [from, to), cancelled ones included; default: the next 7 days.")
    @APIResponse(responseCode = "200", description = "The sessions")
    @APIResponse(responseCode = "400", description = "Bad id, from or to")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role may not read clinician schedules")
    public Views.ClinicianSchedule clinician(@PathParam("id") UUID id,
                                             @Parameter(description = "Date or date-time with offset", example = "2027-02-01") @QueryParam("from") String from,
                                             @Parameter(description = "Date (inclusive) or date-time with offset (exclusive)", example = "2027-02-07") @QueryParam("to") String to) {
        OffsetDateTime[] window = window(from, to);
        var sessions = schedules.clinicianSessions(id, window[0], window[1]);
        sessions.stream().filter(s -> s.patientId != null).forEach(s -> audit.success(AuditAction.READ, "Session", s.id, s.patientId));
        return new Views.ClinicianSchedule(id, window[0], window[1], sessions.stream().map(mapper::staff).toList());
    }

    private OffsetDateTime[] window(String fromText, String toText) {
        OffsetDateTime from = TimeParams.from(fromText, config.timeZone());
        OffsetDateTime to = TimeParams.to(toText, config.timeZone());
        if (from == null) {
            from = to == null ? OffsetDateTime.now(config.timeZone()).toLocalDate().atStartOfDay(config.timeZone()).toOffsetDateTime()
                    : to.minusDays(7);
        }
        if (to == null) {
            to = from.plusDays(7);
        }
        if (!to.isAfter(from)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        if (to.isAfter(from.plusDays(366))) {
            throw ProblemException.invalidField("to", "a window spans at most 366 days");
        }
        return new OffsetDateTime[] { from.atZoneSameInstant(config.timeZone()).toOffsetDateTime(),
                to.atZoneSameInstant(config.timeZone()).toOffsetDateTime() };
    }
}
