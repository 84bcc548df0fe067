package care.iop.session.notes.rest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

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
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.security.Roles;
import care.iop.session.domain.TherapySession;
import care.iop.session.notes.domain.NoteAddendum;
import care.iop.session.notes.domain.ProgressNote;
import care.iop.session.notes.service.NoteService;
import care.iop.session.privacy.SessionPrivacy;

@Path("/api/v1/sessions/{id}/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = SessionNotesResource.TAG, description = SessionNotesResource.TAG_DESCRIPTION)
public class SessionNotesResource {
    static final String RESOURCE = "ProgressNote";
    static final String TAG = "Progress notes";
    static final String TAG_DESCRIPTION = "Clinical documentation of sessions: one note per attending patient, a narrative per group, "
            + "signed, co-signed where credentials need it, locked, corrected by addenda; due 72 h after the session";

    @Inject
    NoteService notes;

    @Inject
    NoteMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    SessionPrivacy privacy;

    @POST
    @Idempotent
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Transactional
    @Operation(operationId = "createProgressNote", summary = "Draft a progress note",
            description = "Clinicians and admins. A draft for one patient (patientId: an attending member of a group, ATTENDED, LATE "
                    + "or LEFT_EARLY; the patient of an individual or family session, who attended or, in a family session, was "
                    + "EXCUSED) or the group's narrative (kind GROUP_NARRATIVE, group sessions with a member present). One note per "
                    + "patient per session and one narrative per group (409 naming the existing one in conflictsWith). The text "
                    + "comes in the program's format (iop.notes.format, DAP by default): dap {data, assessment, plan} or birp "
                    + "{behaviour, intervention, response, plan}; the other format is 400 naming it. objectiveIds (0-20) name the plan "
                    + "objectives addressed: on a patient's note each must be an objective of the patient's current plan (active "
                    + "or on hold, as plan events made it known; else 422 naming objectiveIds[i]); with no current plan, or one whose "
                    + "events did not carry objective ids (written before they did), they are stored as given, as on a group "
                    + "narrative. Group confidentiality: a text naming another member of the "
                    + "session (by name, in any case, spacing or accent, by an identifier such as the MRN, or by id) is 422 naming "
                    + "the field with offset and length, never the name. The author (token subject) alone edits the draft. Publishes "
                    + "progress-note.drafted (never the text). Audited. A refusal writes nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteRequest.class),
            examples = {
                    @ExampleObject(name = "member", value = """
                            {"patientId":"3f0b6c1e-2d4a-4e8b-9c1d-7a2b5e9f0c33","dap":{"data":"Attended all 3 hours; described two cravings.",
                             "assessment":"Engaged; uses urge surfing with partial success.","plan":"Continue group 3x/week."},
                             "objectiveIds":["O2"]}"""),
                    @ExampleObject(name = "narrative", value = """
                            {"kind":"GROUP_NARRATIVE","dap":{"data":"Topic: relapse prevention; 8 members present.",
                             "assessment":"Cohesive group; two members new.","plan":"Next session: trigger mapping."}}""") }))
    @APIResponse(responseCode = "201", description = "Drafted (ETag = version)", content = @Content(schema = @Schema(implementation = NoteViews.NoteView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (e.g. dap.assessment blank or too long, birp in a DAP program, objectiveIds[0])")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Only the program's clinicians and admins write notes")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "The note exists already (conflictsWith names it)")
    @APIResponse(responseCode = "422", description = "Session cancelled; patient absent or not in the session (patientId); narrative of a "
            + "non-group session (kind); text naming another member (field, offset, length); an objective that is not one of the patient's current plan (objectiveIds[i])")
    public Response create(@PathParam("id") UUID id, @Valid @NotNull NoteRequest request) {
        privacy.requireClinicalStaff();
        ProgressNote note = notes.create(id, request);
        audit.success(AuditAction.CREATE, RESOURCE, note.id, note.patientId);
        TherapySession session = TherapySession.findById(id);
        return Response.created(UriBuilder.fromPath("/api/v1/notes/{noteId}").build(note.id)).tag(String.valueOf(note.version))
                .entity(mapper.view(session, note, List.of())).build();
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Transactional
    @Operation(operationId = "listSessionProgressNotes", summary = "Read a session's progress notes",
            description = "Clinicians and admins (schedulers, external callers and patients: 403): every note of the session, the "
                    + "narrative first, entered-in-error ones too (they keep their text), each with its addenda. Each patient shown is "
                    + "audited (one row each; a narrative alone: one row without patient).")
    @APIResponse(responseCode = "200", description = "The notes (empty when none)",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = NoteViews.NoteView.class)))
    @APIResponse(responseCode = "400", description = "Bad id")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Notes are for the program's clinicians and admins")
    @APIResponse(responseCode = "404", description = "No such session")
    public List<NoteViews.NoteView> list(@PathParam("id") UUID id) {
        privacy.requireClinicalStaff();
        List<ProgressNote> found = notes.ofSession(id);
        TherapySession session = TherapySession.findById(id);
        Map<UUID, List<NoteAddendum>> addenda = NoteAddendum.ofNotes(found.stream().map(n -> n.id).toList()).stream()
                .collect(Collectors.groupingBy(a -> a.noteId));
        audit.success(AuditAction.READ, RESOURCE, id, found.stream().map(n -> n.patientId).filter(Objects::nonNull).toList());
        return found.stream().map(n -> mapper.view(session, n, addenda.getOrDefault(n.id, List.of()))).toList();
    }
}
