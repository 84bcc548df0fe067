package care.iop.session.worklist.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import care.iop.platform.time.ProgramTime;
import care.iop.platform.worklist.WorklistAction;
import care.iop.platform.worklist.WorklistItem;
import care.iop.platform.worklist.WorklistItemKind;
import care.iop.session.domain.ReadModels;
import care.iop.session.notes.service.NoteDeadlines;
import care.iop.session.notes.service.NotesConfig;
import care.iop.session.notes.service.OverdueNotes;

/**
 * The progress notes a clinician has to write or sign, from the moment its session ended (a note is work to do before it
 * is due, so these are listed whatever the horizon): NOTE_TO_WRITE (an attending member, or a group's narrative, without
 * a note), NOTE_TO_SIGN (a draft), each due at the session's end plus {@code iop.notes.due-after} and overdue after it
 * ({@link NoteDeadlines}, the rows of {@link OverdueNotes}); and NOTE_TO_COSIGN: notes awaiting a co-signature, for a
 * clinician who may give it (active, credentials not supervised; nobody is assigned to co-sign, any such clinician may).
 */
@ApplicationScoped
public class NotesToDo {

    @Inject
    OverdueNotes notes;

    @Inject
    NoteDeadlines deadlines;

    @Inject
    NotesConfig config;

    @Inject
    ReadModels readModels;

    @Inject
    EntityManager em;

    @Inject
    ProgramTime time;

    public List<WorklistItem> itemsFor(UUID clinicianId, OffsetDateTime now) {
        List<WorklistItem> items = new ArrayList<>();
        for (OverdueNotes.Item note : notes.open(clinicianId, now)) {
            if ("MISSING".equals(note.status())) {
                String what = note.patientId() == null ? "Write the group narrative" : "Write the progress note";
                items.add(item(WorklistItemKind.NOTE_TO_WRITE, what + " of a " + note.sessionType().toLowerCase() + " session", note.patientId(),
                        "Session", note.sessionId(), note.sessionEnd(), now, WorklistAction.post("/api/v1/sessions/" + note.sessionId() + "/notes")));
            } else if ("DRAFT".equals(note.status())) {
                items.add(item(WorklistItemKind.NOTE_TO_SIGN, "Sign the drafted " + noun(note), note.patientId(), "ProgressNote", note.noteId(),
                        note.sessionEnd(), now, WorklistAction.post("/api/v1/notes/" + note.noteId() + "/signatures")));
            } // AWAITING_COSIGNATURE: signed by this clinician, another one acts
        }
        if (mayCosign(clinicianId)) {
            items.addAll(toCosign(clinicianId, now));
        }
        return items;
    }

    private boolean mayCosign(UUID clinicianId) {
        return readModels.clinician(clinicianId).filter(c -> c.active() && !config.supervised(c.credentials())).isPresent();
    }

    /** Notes awaiting a co-signature signed by another clinician, one query (progress_note_open). */
    private List<WorklistItem> toCosign(UUID clinicianId, OffsetDateTime now) {
        List<Object[]> rows = em.createQuery("select n.id, n.patientId, n.kind, s.type, s.end from ProgressNote n, TherapySession s"
                        + " where s.id = n.sessionId and n.status = care.iop.session.notes.domain.NoteStatus.AWAITING_COSIGNATURE"
                        + " and n.signedBy <> ?1", Object[].class)
                .setParameter(1, clinicianId).getResultList();
        return rows.stream().map(r -> {
            UUID noteId = (UUID) r[0];
            String noun = r[1] == null ? "group narrative" : "progress note";
            return item(WorklistItemKind.NOTE_TO_COSIGN, "Co-sign the " + noun + " of a " + r[3].toString().toLowerCase() + " session",
                    (UUID) r[1], "ProgressNote", noteId, (OffsetDateTime) r[4], now, WorklistAction.post("/api/v1/notes/" + noteId + "/signatures"));
        }).toList();
    }

    private static String noun(OverdueNotes.Item note) {
        return (note.patientId() == null ? "group narrative" : "progress note") + " of a " + note.sessionType().toLowerCase() + " session";
    }

    private WorklistItem item(WorklistItemKind kind, String summary, UUID patientId, String resourceType, UUID resourceId,
                              OffsetDateTime sessionEnd, OffsetDateTime now, WorklistAction action) {
        return new WorklistItem(kind, summary, patientId, resourceType, resourceId, deadlines.dueAt(sessionEnd).atZoneSameInstant(time.zone()).toOffsetDateTime(),
                deadlines.overdue(sessionEnd, now), action);
    }
}
