package care.iop.session.notes.rest;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.security.Roles;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;
import care.iop.session.notes.domain.NoteKind;
import care.iop.session.notes.service.NoteClock;
import care.iop.session.notes.service.NotesConfig;
import care.iop.session.notes.service.OverdueNotes;
import care.iop.session.privacy.SessionPrivacy;
import care.iop.session.service.SessionEvents;

@Path("/api/v1/notes/overdue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = SessionNotesResource.TAG, description = SessionNotesResource.TAG_DESCRIPTION)
public class OverdueNotesResource {
    static final String RESOURCE = SessionNotesResource.RESOURCE;

    @Inject
    OverdueNotes overdue;

    @Inject
    NotesConfig config;

    @Inject
    NoteClock clock;

    @Inject
    SessionEvents time;

    @Inject
    AuditLog audit;

    @Inject
    SessionPrivacy privacy;

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Transactional
    @Operation(operationId = "listOverdueProgressNotes", summary = "List overdue progress notes",
            description = "Clinicians and admins. The notes not fully signed (DRAFT, AWAITING_COSIGNATURE) and the notes missing "
                    + "altogether (status MISSING: an attending member without a note, a group with members present but no narrative) "
                    + "of sessions that ended more than iop.notes.due-after (72 h by default) ago: a note due at exactly the session's "
                    + "end plus 72 h is not overdue yet, a second later it is. The longest overdue first; each item links to where to "
                    + "act. Each patient listed is audited (one row each).")
    @APIResponse(responseCode = "200", description = "A page of overdue items")
    @APIResponse(responseCode = "400", description = "Bad clinicianId or page parameter")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Notes are for the program's clinicians and admins")
    public Page<NoteViews.OverdueNote> list(
            @Parameter(description = "Only the notes this clinician (the session's) signs") @QueryParam("clinicianId") UUID clinicianId,
            @Valid @BeanParam PageQuery page) {
        privacy.requireClinicalStaff();
        OverdueNotes.Found found = overdue.list(clinicianId, page);
        audit.success(AuditAction.SEARCH, RESOURCE, null, found.items().stream().map(OverdueNotes.Item::patientId).filter(Objects::nonNull).toList());
        List<NoteViews.OverdueNote> items = found.items().stream().map(this::view).toList();
        return Page.of(items, page, found.total());
    }

    @GET
    @Path("/counts")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Transactional
    @Operation(operationId = "getOverdueProgressNoteCounts", summary = "Count overdue progress notes per clinician",
            description = "Clinicians and admins. Per clinician with any: the overdue notes missing, drafted and awaiting a "
                    + "co-signature, as the list counts them, at asOf. No patient data (audited as one search without patient).")
    @APIResponse(responseCode = "200", description = "The counts (clinicians without overdue notes are left out)")
    @APIResponse(responseCode = "400", description = "Bad clinicianId")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Notes are for the program's clinicians and admins")
    public NoteViews.OverdueCounts counts(@Parameter(description = "Only this clinician") @QueryParam("clinicianId") UUID clinicianId) {
        privacy.requireClinicalStaff();
        List<NoteViews.ClinicianCount> counts = overdue.counts(clinicianId).stream()
                .map(c -> new NoteViews.ClinicianCount(c.clinicianId(), c.missing(), c.drafts(), c.awaitingCosignature(),
                        c.missing() + c.drafts() + c.awaitingCosignature()))
                .toList();
        audit.success(AuditAction.SEARCH, RESOURCE, "overdue-counts", (UUID) null);
        return new NoteViews.OverdueCounts(time.local(clock.now()), counts);
    }

    private NoteViews.OverdueNote view(OverdueNotes.Item item) {
        String link = item.noteId() != null ? "/api/v1/notes/" + item.noteId() : "/api/v1/sessions/" + item.sessionId() + "/notes";
        return new NoteViews.OverdueNote(item.noteId(), item.sessionId(), item.sessionType(), item.patientId(), NoteKind.valueOf(item.kind()),
                item.status(), item.clinicianId(), time.local(item.sessionEnd()), time.local(item.sessionEnd().plus(config.dueAfter())), link);
    }
}
