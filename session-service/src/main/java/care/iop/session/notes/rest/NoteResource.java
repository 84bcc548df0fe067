package care.iop.session.notes.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.UriBuilder;

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
import care.iop.platform.consistency.ReadYourWrites;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.security.Roles;
import care.iop.session.domain.TherapySession;
import care.iop.session.notes.domain.NoteAddendum;
import care.iop.session.notes.domain.ProgressNote;
import care.iop.session.notes.service.NoteService;
import care.iop.session.notes.service.NoteSignatures;
import care.iop.session.privacy.SessionPrivacy;

@Path("/api/v1/notes/{noteId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = SessionNotesResource.TAG, description = SessionNotesResource.TAG_DESCRIPTION)
public class NoteResource {
    static final String RESOURCE = SessionNotesResource.RESOURCE;
    private static final String IF_MATCH_OPTIONAL = "Optional: the ETag of the note as read; when sent it must be the current one (412)";

    @Inject
    NoteService notes;

    @Inject
    NoteSignatures signatures;

    @Inject
    NoteMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    SessionPrivacy privacy;

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Transactional
    @Operation(operationId = "getProgressNote", summary = "Read a progress note",
            description = "Clinicians and admins (schedulers, external callers and patients: 403). The note with its signatures and "
                    + "addenda (ETag = version); an entered-in-error note keeps its text. Audited (the patient; none for a narrative).")
    @APIResponse(responseCode = "200", description = "The note", headers = @Header(name = "ETag", description = "The version, for If-Match",
            schema = @Schema(type = SchemaType.STRING, example = "\"0\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteViews.NoteView.class)))
    @APIResponse(responseCode = "400", description = "Bad id")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Notes are for the program's clinicians and admins")
    @APIResponse(responseCode = "404", description = "No such note")
    public Response get(@PathParam("noteId") UUID noteId) {
        privacy.requireClinicalStaff();
        ProgressNote note = notes.get(noteId);
        audit.success(AuditAction.READ, RESOURCE, noteId, note.patientId);
        return answer(note);
    }

    @PUT
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Transactional
    @Operation(operationId = "replaceProgressNote", summary = "Edit a draft progress note",
            description = "The draft's author only (the token subject that drafted it; else 403), with If-Match. The text in the "
                    + "note's format and its objectives replace the previous ones; the same rules as on creation (400 naming the field, "
                    + "422 for a text naming another member, with offset and length; 422 naming objectiveIds[i] for an objective that is not "
                    + "one of the patient's current plan, when plan events made its objectives known). A signed, locked or entered-in-error note is not "
                    + "edited (409): correct it with an addendum. Publishes nothing (the signature event carries the note as signed).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteUpdateRequest.class),
            examples = @ExampleObject(name = "edit", value = """
                    {"dap":{"data":"Attended all 3 hours; described two cravings and one lapse.","assessment":"Engaged.",
                     "plan":"Continue group 3x/week."},"objectiveIds":["O1","O2"]}""")))
    @APIResponse(responseCode = "200", description = "The edited draft", headers = @Header(name = "ETag", description = "New version",
            schema = @Schema(type = SchemaType.STRING, example = "\"1\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteViews.NoteView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, or a read-only field differing from the note")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not the draft's author; or not a clinician or admin")
    @APIResponse(responseCode = "404", description = "No such note")
    @APIResponse(responseCode = "409", description = "The note is signed, locked or entered in error: add an addendum instead")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "422", description = "The text names another member of the session (field, offset, length); an "
            + "objective that is not one of the patient's current plan (objectiveIds[i])")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response replace(@PathParam("noteId") UUID noteId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull NoteUpdateRequest request) {
        privacy.requireClinicalStaff();
        ProgressNote note = notes.update(noteId, ifMatch, request);
        audit.success(AuditAction.UPDATE, RESOURCE, noteId, note.patientId);
        return answer(note);
    }

    @POST
    @Path("/signatures")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @ReadYourWrites
    @Transactional
    @Operation(operationId = "recordProgressNoteSignature", summary = "Sign or co-sign a progress note",
            description = "The signer is the token's clinician_id claim (403 without it). A DRAFT is signed by the session's "
                    + "clinician only (else 403): it is LOCKED, or AWAITING_COSIGNATURE when the signer's credentials (from the "
                    + "clinician events) are supervised (iop.notes.supervised-credentials: LPC-A, LMSW, LAC, LCDC-I, INTERN by default). "
                    + "A note AWAITING_COSIGNATURE is co-signed by another active clinician whose credentials are not supervised "
                    + "(else 403) and is then LOCKED. A locked or entered-in-error note: 409. No body. Publishes progress-note.signed.")
    @APIResponse(responseCode = "200", description = "The signed note", headers = @Header(name = "ETag", description = "New version",
            schema = @Schema(type = SchemaType.STRING, example = "\"1\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteViews.NoteView.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No clinician_id claim; not the session's clinician; a co-signer who signed already, "
            + "is inactive or supervised")
    @APIResponse(responseCode = "404", description = "No such note")
    @APIResponse(responseCode = "409", description = "Locked already, or entered in error")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "503", description = "The signing clinician is not known here yet (read-model-behind; retry)")
    public Response sign(@PathParam("noteId") UUID noteId,
                         @Parameter(description = IF_MATCH_OPTIONAL) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        privacy.requireClinicalStaff();
        ProgressNote note = signatures.sign(noteId, ifMatch);
        audit.success(AuditAction.UPDATE, RESOURCE, noteId, note.patientId);
        return answer(note);
    }

    @POST
    @Path("/addenda")
    @Idempotent
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @ReadYourWrites
    @Transactional
    @Operation(operationId = "createProgressNoteAddendum", summary = "Add an addendum to a signed note",
            description = "A correction of a note signed by the session's clinician (AWAITING_COSIGNATURE or LOCKED; a draft is "
                    + "edited instead and an entered-in-error note takes none: 409). Written by a clinician (token claim clinician_id, "
                    + "else 403), numbered from 1, AWAITING_SIGNATURE until its author signs it. Its text never names another member "
                    + "of the session (422 naming text, with offset and length). Nothing of the note changes. Publishes "
                    + "progress-note.addendum-added (never the text).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AddendumRequest.class),
            examples = @ExampleObject(name = "correction", value = "{\"text\":\"Correction: the patient left at 11:30, not 12:00.\"}")))
    @APIResponse(responseCode = "201", description = "The addendum", content = @Content(schema = @Schema(implementation = NoteViews.Addendum.class)))
    @APIResponse(responseCode = "400", description = "text missing or too long")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No clinician_id claim")
    @APIResponse(responseCode = "404", description = "No such note")
    @APIResponse(responseCode = "409", description = "The note is a draft or entered in error")
    @APIResponse(responseCode = "422", description = "The text names another member of the session (offset, length)")
    @APIResponse(responseCode = "503", description = "The clinician is not known here yet (read-model-behind; retry)")
    public Response addAddendum(@PathParam("noteId") UUID noteId, @Valid @NotNull AddendumRequest request) {
        privacy.requireClinicalStaff();
        NoteAddendum addendum = signatures.addAddendum(noteId, request);
        audit.success(AuditAction.UPDATE, RESOURCE, noteId, notes.get(noteId).patientId);
        return Response.created(UriBuilder.fromPath("/api/v1/notes/{noteId}/addenda/{n}").build(noteId, addendum.number))
                .entity(mapper.addendum(addendum)).build();
    }

    @POST
    @Path("/addenda/{number}/signatures")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @ReadYourWrites
    @Transactional
    @Operation(operationId = "recordProgressNoteAddendumSignature", summary = "Sign or co-sign an addendum",
            description = "The addendum's author signs it (token claim clinician_id; anyone else 403): SIGNED, or AWAITING_COSIGNATURE "
                    + "when the author's credentials are supervised; then another active clinician whose credentials are not co-signs it "
                    + "(SIGNED). Signed already: 409. No body. Publishes progress-note.addendum-signed.")
    @APIResponse(responseCode = "200", description = "The addendum", content = @Content(schema = @Schema(implementation = NoteViews.Addendum.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No clinician_id claim; not the author; a co-signer who is the author, inactive or supervised")
    @APIResponse(responseCode = "404", description = "No such note or addendum")
    @APIResponse(responseCode = "409", description = "Signed already")
    @APIResponse(responseCode = "503", description = "The clinician is not known here yet (read-model-behind; retry)")
    public NoteViews.Addendum signAddendum(@PathParam("noteId") UUID noteId,
                                           @Parameter(description = "The addendum's number, from 1", example = "1") @PathParam("number") int number) {
        privacy.requireClinicalStaff();
        NoteAddendum addendum = signatures.signAddendum(noteId, number);
        audit.success(AuditAction.UPDATE, RESOURCE, noteId, notes.get(noteId).patientId);
        return mapper.addendum(addendum);
    }

    @POST
    @Path("/entered-in-error")
    @Idempotent
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Transactional
    @Operation(operationId = "recordProgressNoteEnteredInError", summary = "Mark a note entered in error",
            description = "For a note written by mistake (e.g. in the wrong chart), by the session's clinician (token claim "
                    + "clinician_id) or an admin (else 403), with a reason (required; it never names another member: 422). The note "
                    + "is not deleted: it keeps its text, signatures and addenda for the audit, leaves the overdue lists and makes room "
                    + "for a new note of the same patient. Marked already: 409. Publishes progress-note.entered-in-error (never the "
                    + "reason).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnteredInErrorRequest.class),
            examples = @ExampleObject(name = "wrong chart", value = "{\"reason\":\"Written in the wrong patient's chart\"}")))
    @APIResponse(responseCode = "200", description = "The marked note", content = @Content(schema = @Schema(implementation = NoteViews.NoteView.class)))
    @APIResponse(responseCode = "400", description = "reason missing or too long")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Neither the session's clinician nor an admin")
    @APIResponse(responseCode = "404", description = "No such note")
    @APIResponse(responseCode = "409", description = "Marked already")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "422", description = "The reason names another member of the session (offset, length)")
    public Response enteredInError(@PathParam("noteId") UUID noteId,
                                   @Parameter(description = IF_MATCH_OPTIONAL) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @Valid @NotNull EnteredInErrorRequest request) {
        privacy.requireClinicalStaff();
        ProgressNote note = notes.enteredInError(noteId, ifMatch, request);
        audit.success(AuditAction.UPDATE, RESOURCE, noteId, note.patientId);
        return answer(note);
    }

    private Response answer(ProgressNote note) {
        TherapySession session = TherapySession.findById(note.sessionId);
        return Response.ok(mapper.view(session, note, NoteAddendum.ofNote(note.id)), MediaType.APPLICATION_JSON_TYPE)
                .tag(String.valueOf(note.version)).build();
    }
}
