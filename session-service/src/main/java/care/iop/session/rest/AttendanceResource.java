package care.iop.session.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.security.Roles;
import care.iop.session.domain.Attendance;
import care.iop.session.domain.TherapySession;
import care.iop.session.privacy.SessionPrivacy;
import care.iop.session.service.AttendanceService;
import care.iop.session.service.SessionService;

@Path("/api/v1/sessions/{id}/attendance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Attendance", description = "Who attended, for how long, with billing code suggestions")
public class AttendanceResource {
    static final String RESOURCE = "Attendance";

    @Inject
    AttendanceService attendance;

    @Inject
    SessionService sessions;

    @Inject
    SessionMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    SessionPrivacy privacy;

    @PUT
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Transactional
    @Operation(operationId = "recordAttendance", summary = "Record attendance",
            description = "Statuses ATTENDED, LATE, LEFT_EARLY, ABSENT, EXCUSED, NO_SHOW with minutes for each booked patient. The session "
                    + "becomes fulfilled and session.attendance-recorded is published (per patient: status, minutes, modality). Each "
                    + "attendee gets a suggested code: individual 90832/90834/90837 by minutes, group 90853, family 90847 (90846 when "
                    + "the patient is EXCUSED). Recording again replaces the previous record.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttendanceRequest.class),
            examples = @ExampleObject(name = "group", value = """
                    {"groupNote":"Covered trigger mapping","attendees":[
                      {"patientId":"3f0b6c1e-2d4a-4e8b-9c1d-7a2b5e9f0c33","status":"ATTENDED","minutesAttended":180,"note":"Engaged, shared twice"}]}""")))
    @APIResponse(responseCode = "200", description = "The recorded attendance", content = @Content(schema = @Schema(implementation = Views.AttendanceView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (e.g. minutes beyond the session, a patient listed twice)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Only clinicians and admins record attendance")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "422", description = "Session cancelled or not started; patient not booked; note names another member")
    public Views.AttendanceView record(@PathParam("id") UUID id, @Valid @NotNull AttendanceRequest request) {
        List<Attendance> rows = attendance.record(id, request);
        audit.success(AuditAction.UPDATE, RESOURCE, id, rows.stream().map(a -> a.patientId).toList());
        TherapySession session = sessions.get(id);
        return mapper.attendance(session, rows, rows, true);
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.SCHEDULER, Roles.INTEGRATION })
    @Transactional
    @Operation(operationId = "getAttendance", summary = "Read attendance",
            description = "The recorded attendance of a session with billing codes. Staff and external callers. Minimum necessary: the "
                    + "free-text notes (groupNote, each attendee's note) are for clinicians and admins only and absent for schedulers "
                    + "and external callers. 42 CFR Part 2: for an external caller an INDIVIDUAL or FAMILY session of a Part 2 patient "
                    + "without the patient's disclosure consent is not found (404); in a group, each attendee who is such a patient "
                    + "is left out (presentCount still counts every attendee). Every attendee shown is audited (one row each).")
    @APIResponse(responseCode = "200", description = "The attendance (empty attendees when not recorded yet)")
    @APIResponse(responseCode = "400", description = "Bad id")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role may not read attendance")
    @APIResponse(responseCode = "404", description = "No such session (or, for an external caller, a Part 2 patient's session without consent)")
    public Views.AttendanceView get(@PathParam("id") UUID id) {
        TherapySession session = sessions.get(id);
        privacy.requireSession(session, RESOURCE);
        List<Attendance> rows = attendance.get(id);
        List<Attendance> shown = privacy.members(rows, a -> a.patientId);
        audit.success(AuditAction.READ, RESOURCE, id, shown.stream().map(a -> a.patientId).toList());
        return mapper.attendance(session, rows, shown, privacy.mayReadNotes());
    }
}
