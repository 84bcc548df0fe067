package care.iop.session.notes.service;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.events.ProgressNoteAddendumState;
import care.iop.events.ProgressNoteState;
import care.iop.events.Topics;
import care.iop.platform.outbox.Outbox;
import care.iop.session.domain.ReadModels;
import care.iop.session.domain.TherapySession;
import care.iop.session.notes.domain.NoteAddendum;
import care.iop.session.notes.domain.NoteKind;
import care.iop.session.notes.domain.ProgressNote;
import care.iop.session.service.SessionEvents;

/**
 * Publishes progress-note events on iop.sessions through the outbox (key: the session id): ids, status, signers, times
 * and the Part 2 label, never the text (docs/events.md).
 */
@ApplicationScoped
public class NoteEvents {

    @Inject
    Outbox outbox;

    @Inject
    SessionEvents sessionEvents;

    @Inject
    ReadModels readModels;

    @Inject
    NoteDeadlines deadlines;

    @Inject
    GroupConfidentiality members;

    public void note(String type, TherapySession session, ProgressNote note) {
        outbox.publish(Topics.SESSIONS, session.id, type, new ProgressNoteState(note.id, session.id, session.type.name(), note.patientId,
                note.kind.name(), note.format.name(), note.status.name(), list(note.objectiveIds), session.clinicianId, note.signedBy,
                sessionEvents.local(note.signedAt), note.cosignedBy, sessionEvents.local(note.cosignedAt), sessionEvents.local(note.lockedAt),
                sessionEvents.local(deadlines.dueAt(session)), sessionEvents.local(note.enteredInErrorAt), part2(session, note), note.version));
    }

    public void addendum(String type, TherapySession session, ProgressNote note, NoteAddendum addendum) {
        outbox.publish(Topics.SESSIONS, session.id, type, new ProgressNoteAddendumState(note.id, session.id, note.patientId,
                addendum.number, addendum.status.name(), addendum.authorClinicianId, sessionEvents.local(addendum.createdAt),
                sessionEvents.local(addendum.signedAt), addendum.cosignedBy, sessionEvents.local(addendum.cosignedAt), part2(session, note)));
    }

    /** A patient's note: the patient's label. A group narrative: whether any member of the session is labelled Part 2. */
    private boolean part2(TherapySession session, ProgressNote note) {
        Set<UUID> patients = note.kind == NoteKind.PATIENT ? Set.of(note.patientId) : members.otherMembers(session.id, null);
        return !readModels.part2Among(patients).isEmpty();
    }

    static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
