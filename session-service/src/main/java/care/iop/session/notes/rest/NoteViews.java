package care.iop.session.notes.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.session.notes.domain.AddendumStatus;
import care.iop.session.notes.domain.NoteFormat;
import care.iop.session.notes.domain.NoteKind;
import care.iop.session.notes.domain.NoteStatus;

/** Response bodies of progress notes. Times carry the program time zone's offset. */
public final class NoteViews {
    private NoteViews() {
    }

    @Schema(name = "ProgressNote", description = "A progress note as clinicians and admins see it (ETag = version)")
    public record NoteView(UUID id, UUID sessionId, String sessionType,
                           @Schema(description = "Absent for a group narrative") UUID patientId,
                           NoteKind kind, NoteFormat format, NoteStatus status,
                           @Schema(description = "DAP notes") NoteContent.Dap dap,
                           @Schema(description = "BIRP notes") NoteContent.Birp birp,
                           List<String> objectiveIds,
                           @Schema(description = "The token subject that drafted it; only it may edit the draft") String author,
                           UUID authorClinicianId, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                           @Schema(description = "The session's end plus the program's deadline (72 h by default); unsigned after it, overdue")
                           OffsetDateTime dueAt,
                           @Schema(description = "The signature of the session's clinician") Signature signature,
                           @Schema(description = "The co-signature, when the signer's credentials need one") Signature cosignature,
                           OffsetDateTime lockedAt, EnteredInError enteredInError, List<Addendum> addenda, long version) {
    }

    @Schema(name = "NoteSignature", description = "Who signed (participant-service clinician id), with the credentials then known, and when")
    public record Signature(UUID clinicianId, List<String> credentials, OffsetDateTime signedAt) {
    }

    @Schema(name = "NoteEnteredInError", description = "Marked as written by mistake: the note keeps its text for the audit")
    public record EnteredInError(OffsetDateTime at, String by, String reason, NoteStatus statusBefore) {
    }

    @Schema(name = "NoteAddendum", description = "A correction of a signed note, signed on its own by the clinician who wrote it")
    public record Addendum(int number, String text, AddendumStatus status, String author, UUID authorClinicianId, OffsetDateTime createdAt,
                           Signature signature, Signature cosignature) {
    }

    @Schema(name = "OverdueNote", description = "A note past due and not fully signed, or missing altogether (status MISSING: an "
            + "attending member, or a group's narrative, without a note)")
    public record OverdueNote(@Schema(description = "Absent when MISSING") UUID noteId, UUID sessionId, String sessionType,
                              @Schema(description = "Absent for a group narrative") UUID patientId, NoteKind kind,
                              @Schema(enumeration = { "MISSING", "DRAFT", "AWAITING_COSIGNATURE" }) String status,
                              @Schema(description = "The session's clinician, who signs") UUID clinicianId,
                              OffsetDateTime sessionEnd, OffsetDateTime dueAt,
                              @Schema(description = "Where to act: the note, or the session's notes to write it", example = "/api/v1/sessions/0b7f9d52-3c1e-4a8b-9f2d-5e6a7b8c9d0e/notes")
                              String link) {
    }

    @Schema(name = "OverdueNoteCounts", description = "Overdue notes per clinician at asOf")
    public record OverdueCounts(OffsetDateTime asOf, List<ClinicianCount> clinicians) {
    }

    @Schema(name = "ClinicianOverdueNotes")
    public record ClinicianCount(UUID clinicianId, long missing, long drafts, long awaitingCosignature, long total) {
    }
}
