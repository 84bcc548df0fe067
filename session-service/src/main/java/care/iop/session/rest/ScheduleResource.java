package care.iop.session.rest;

import java.time.OffsetDateTime;
import java.util.Objects;
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
import care.iop.platform.privacy.Disclosure;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.security.Roles;
import care.iop.session.config.SessionConfig;
import care.iop.session.privacy.SessionPrivacy;
import care.iop.session.service.ScheduleService;
import care.iop.session.service.TimeParams;

@Path("/api/v1/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schedules", description = "Agendas of patients and clinicians")
public class ScheduleResource {
    static final String PATIENT_SCHEDULE = "PatientSchedule";
    static final String CLINICIAN_SCHEDULE = "ClinicianSchedule";

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

    @Inject
    Disclosure disclosure;

    @Inject
    SessionPrivacy privacy;

    @GET
    @Path("/patients/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION, Roles.PATIENT })
    @Transactional
    @Operation(operationId = "getPatientAgenda", summary = "A patient's agenda",
            description = "Booked and waitlisted sessions (with waitlist position) in [from, to); default: the next 7 days. from/to take a "
                    + "date (a day in the program time zone; to inclusive) or a date-time with offset, in the years 1-9999. A patient "
                    + "token reads only its own agenda. Never shows other members of a group. 42 CFR Part 2: for an external caller "
                    + "the agenda of a Part 2 patient without the patient's disclosure consent is not found (404, audited as DENIED).")
    @APIResponse(responseCode = "200", description = "The agenda")
    @APIResponse(responseCode = "400", description = "Bad id, from or to")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "Another patient's agenda requested with a patient token; a Part 2 patient's agenda without consent (external caller)")
    public Views.PatientAgenda patient(@PathParam("id") UUID id,
                                       @Parameter(description = "Date or date-time with offset", example = "2027-02-01") @QueryParam("from") String from,
                                       @Parameter(description = "Date (inclusive) or date-time with offset (exclusive)", example = "2027-02-07") @QueryParam("to") String to) {
        user.requireAccessToPatient(id, "Patient schedule", id);
        OffsetDateTime[] window = window(from, to);
        disclosure.require(id, PATIENT_SCHEDULE, id);
        var entries = schedules.patientAgenda(id, window[0], window[1]).stream().map(e -> mapper.agenda(e.session(), e.booking())).toList();
        audit.success(AuditAction.READ, PATIENT_SCHEDULE, id, id);
        return new Views.PatientAgenda(id, window[0], window[1], entries);
    }

    @GET
    @Path("/clinicians/{id}")
    @RolesAllowed({ Roles.SCHEDULER, Roles.CLINICIAN, Roles.ADMIN, Roles.INTEGRATION })
    @Transactional
    @Operation(operationId = "getClinicianSchedule", summary = "A clinician's week",
            description = "The clinician's sessions in [from, to), cancelled ones included; default: the next 7 days; from/to as for a "
                    + "patient's agenda. 42 CFR Part 2: for an external caller the INDIVIDUAL and FAMILY sessions of Part 2 patients "
                    + "without the patient's disclosure consent are left out (group sessions stay: they show no member). Every patient "
                    + "shown is audited (one row each).")
    @APIResponse(responseCode = "200", description = "The sessions")
    @APIResponse(responseCode = "400", description = "Bad id, from or to")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role may not read clinician schedules")
    public Views.ClinicianSchedule clinician(@PathParam("id") UUID id,
                                             @Parameter(description = "Date or date-time with offset", example = "2027-02-01") @QueryParam("from") String from,
                                             @Parameter(description = "Date (inclusive) or date-time with offset (exclusive)", example = "2027-02-07") @QueryParam("to") String to) {
        OffsetDateTime[] window = window(from, to);
        var sessions = privacy.visible(schedules.clinicianSessions(id, window[0], window[1]));
        audit.success(AuditAction.READ, CLINICIAN_SCHEDULE, id, sessions.stream().map(s -> s.patientId).filter(Objects::nonNull).toList());
        return new Views.ClinicianSchedule(id, window[0], window[1], sessions.stream().map(mapper::staff).toList());
    }

    private OffsetDateTime[] window(String fromText, String toText) {
        OffsetDateTime from = TimeParams.from(fromText, config.timeZone());
        OffsetDateTime to = TimeParams.to(toText, config.timeZone());
        if (from == null) {
            from = to == null ? OffsetDateTime.now(config.timeZone()).toLocalDate().atStartOfDay(config.timeZone()).toOffsetDateTime()
                    : TimeParams.requireStorable("to", to.minusDays(7));
        }
        if (to == null) {
            to = TimeParams.requireStorable("from", from.plusDays(7));
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
