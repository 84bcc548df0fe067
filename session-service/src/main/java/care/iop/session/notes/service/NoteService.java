package care.iop.session.notes.service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import care.iop.events.EventTypes;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.security.Roles;
import care.iop.platform.web.ETags;
import care.iop.platform.web.ReadOnlyFields;
import care.iop.problems.ProblemType;
import care.iop.session.domain.Attendance;
import care.iop.session.domain.AttendanceStatus;
import care.iop.session.domain.SessionType;
import care.iop.session.domain.TherapySession;
import care.iop.session.notes.domain.NoteAddendum;
import care.iop.session.notes.domain.NoteFormat;
import care.iop.session.notes.domain.NoteKind;
import care.iop.session.notes.domain.NoteStatus;
import care.iop.session.notes.domain.ProgressNote;
import care.iop.session.notes.rest.EnteredInErrorRequest;
import care.iop.session.notes.rest.NoteContent;
import care.iop.session.notes.rest.NoteMapper;
import care.iop.session.notes.rest.NoteRequest;
import care.iop.session.notes.rest.NoteUpdateRequest;

/**
 * Drafts, edits and reads progress notes, and marks them entered in error: one note per attending patient per session,
 * one narrative per group session, in the program's format, never naming another member, a patient's note naming only
 * objectives of the patient's current plan ({@link NoteObjectives}) (session-service README, "Progress notes"). Signatures and addenda: {@link NoteSignatures}.
 */
@ApplicationScoped
public class NoteService {

    @Inject
    EntityManager em;

    @Inject
    NotesConfig config;

    @Inject
    NoteClock clock;

    @Inject
    CurrentUser user;

    @Inject
    GroupConfidentiality confidentiality;

    @Inject
    NoteEvents events;

    @Inject
    NoteMapper mapper;

    @Inject
    NoteObjectives objectives;

    /** The text of a note in its format, each field with the name a problem gives it ({@code dap.assessment}). */
    record Content(NoteFormat format, Map<String, String> fields) {
        String get(String field) {
            return fields.get(format.name().toLowerCase(java.util.Locale.ROOT) + "." + field);
        }
    }

    @Transactional
    public ProgressNote create(UUID sessionId, @Valid @NotNull NoteRequest request) {
        NoteKind kind = request.kind() == null ? NoteKind.PATIENT : request.kind();
        if (kind == NoteKind.PATIENT && request.patientId() == null) {
            throw ProblemException.invalidField("patientId", "required for a patient's note (or kind GROUP_NARRATIVE for a group's narrative)");
        }
        if (kind == NoteKind.GROUP_NARRATIVE && request.patientId() != null) {
            throw ProblemException.invalidField("patientId", "a group narrative is the note of the session as a whole: leave patientId out");
        }
        Content content = content(config.format(), request.dap(), request.birp());
        TherapySession session = TherapySession.lockById(sessionId);
        if (session == null) {
            throw ProblemException.notFound("Session", sessionId);
        }
        if (session.isCancelled()) {
            throw ProblemException.ruleViolation("Session " + sessionId + " was cancelled: it has no notes");
        }
        Collection<UUID> others = kind == NoteKind.GROUP_NARRATIVE ? requireNarrative(session) : requireAttendingPatient(session, request.patientId());
        ProgressNote existing = ProgressNote.current(sessionId, request.patientId());
        if (existing != null) {
            throw ProblemException.conflictWith("/api/v1/notes/" + existing.id, (kind == NoteKind.GROUP_NARRATIVE ? "The session's narrative"
                    : "The note of patient " + request.patientId() + " in this session") + " exists already: edit, sign or amend it");
        }
        confidentiality.requireNoneNamed(content.fields(), others);
        if (kind == NoteKind.PATIENT) {
            objectives.requireOfCurrentPlan(request.patientId(), request.objectiveIds());
        }
        ProgressNote note = new ProgressNote();
        note.id = UUID.randomUUID();
        note.sessionId = sessionId;
        note.patientId = request.patientId();
        note.kind = kind;
        note.format = content.format();
        write(note, content, request.objectiveIds());
        note.status = NoteStatus.DRAFT;
        note.authorSubject = user.subject();
        note.authorClinicianId = user.clinicianId().orElse(null);
        note.createdAt = clock.now();
        note.updatedAt = note.createdAt;
        note.persist();
        em.flush();
        events.note(EventTypes.PROGRESS_NOTE_DRAFTED, session, note);
        return note;
    }

    /** A group's narrative: the session must be a group whose attendance shows someone present; every member is another one. */
    private Collection<UUID> requireNarrative(TherapySession session) {
        if (session.type != SessionType.GROUP) {
            throw ProblemException.ruleViolation("kind", "Only a group session has a group narrative; session " + session.id + " is " + session.type);
        }
        if (Attendance.forSession(session.id).stream().noneMatch(a -> a.status.present())) {
            throw ProblemException.ruleViolation("Session " + session.id + " has no member recorded present: record its attendance first");
        }
        return confidentiality.otherMembers(session.id, null);
    }

    /** A patient's note: the patient attended (a family session also counts when the patient was excused); the others are the rest. */
    private Collection<UUID> requireAttendingPatient(TherapySession session, UUID patientId) {
        if (session.type != SessionType.GROUP && !patientId.equals(session.patientId)) {
            throw ProblemException.ruleViolation("patientId", "Patient " + patientId + " is not the patient of session " + session.id);
        }
        Attendance attendance = Attendance.<Attendance>find("sessionId = ?1 and patientId = ?2", session.id, patientId).firstResult();
        if (attendance == null) {
            throw ProblemException.ruleViolation("patientId", "Patient " + patientId + " has no attendance recorded in session " + session.id
                    + ": record attendance first");
        }
        if (!attended(session, attendance.status)) {
            throw ProblemException.ruleViolation("patientId", "Patient " + patientId + " did not attend session " + session.id + " ("
                    + attendance.status + "): notes are written for attending members only");
        }
        return session.type == SessionType.GROUP ? confidentiality.otherMembers(session.id, patientId) : List.of();
    }

    /** Present (ATTENDED, LATE, LEFT_EARLY), or EXCUSED from a family session that took place without the patient. */
    public static boolean attended(TherapySession session, AttendanceStatus status) {
        return status.present() || session.type == SessionType.FAMILY && status == AttendanceStatus.EXCUSED;
    }

    @Transactional
    public ProgressNote update(UUID noteId, String ifMatch, @Valid @NotNull NoteUpdateRequest request) {
        ProgressNote note = lockOrNotFound(noteId);
        TherapySession session = TherapySession.findById(note.sessionId);
        ETags.requireMatch(ifMatch, note.version);
        ReadOnlyFields.check(request, mapper.view(session, note, NoteAddendum.ofNote(noteId))).verify();
        if (note.status != NoteStatus.DRAFT) {
            throw ProblemException.conflict("Note " + noteId + " is " + note.status + ": only a draft is edited; a signed note is corrected "
                    + "with an addendum (POST /api/v1/notes/" + noteId + "/addenda)");
        }
        if (!note.authorSubject.equals(user.subject())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the author of a draft edits it");
        }
        Content content = content(note.format, request.dap(), request.birp());
        Collection<UUID> others = session.type == SessionType.GROUP ? confidentiality.otherMembers(session.id, note.patientId) : List.of();
        confidentiality.requireNoneNamed(content.fields(), others);
        if (note.kind == NoteKind.PATIENT) {
            objectives.requireOfCurrentPlan(note.patientId, request.objectiveIds());
        }
        write(note, content, request.objectiveIds());
        note.updatedAt = clock.now();
        em.flush();
        return note;
    }

    @Transactional
    public ProgressNote enteredInError(UUID noteId, String ifMatch, @Valid @NotNull EnteredInErrorRequest request) {
        ProgressNote note = lockOrNotFound(noteId);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, note.version);
        }
        if (note.status == NoteStatus.ENTERED_IN_ERROR) {
            throw ProblemException.conflict("Note " + noteId + " is already marked entered in error");
        }
        TherapySession session = TherapySession.findById(note.sessionId);
        if (!user.hasRole(Roles.ADMIN) && !user.clinicianId().map(session.clinicianId::equals).orElse(false)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the session's clinician (token claim clinician_id) or an admin marks its notes "
                    + "entered in error");
        }
        Collection<UUID> others = session.type == SessionType.GROUP ? confidentiality.otherMembers(session.id, note.patientId) : List.of();
        confidentiality.requireNoneNamed(Map.of("reason", request.reason()), others);
        note.statusBeforeError = note.status;
        note.status = NoteStatus.ENTERED_IN_ERROR;
        note.enteredInErrorAt = clock.now();
        note.enteredInErrorBy = user.subject();
        note.enteredInErrorReason = request.reason().strip();
        note.updatedAt = note.enteredInErrorAt;
        em.flush();
        events.note(EventTypes.PROGRESS_NOTE_ENTERED_IN_ERROR, session, note);
        return note;
    }

    @Transactional
    public ProgressNote get(UUID noteId) {
        ProgressNote note = ProgressNote.findById(noteId);
        if (note == null) {
            throw ProblemException.notFound("Progress note", noteId);
        }
        return note;
    }

    /** The session's notes (entered-in-error ones too); 404 for an unknown session. */
    @Transactional
    public List<ProgressNote> ofSession(UUID sessionId) {
        if (TherapySession.findById(sessionId) == null) {
            throw ProblemException.notFound("Session", sessionId);
        }
        return ProgressNote.ofSession(sessionId);
    }

    static ProgressNote lockOrNotFound(UUID noteId) {
        ProgressNote note = ProgressNote.lockById(noteId);
        if (note == null) {
            throw ProblemException.notFound("Progress note", noteId);
        }
        return note;
    }

    /** 400 unless the text comes in {@code format}: dap for DAP, birp for BIRP, not the other. */
    static Content content(NoteFormat format, NoteContent.Dap dap, NoteContent.Birp birp) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (format == NoteFormat.DAP) {
            if (birp != null) {
                throw ProblemException.invalidField("birp", "this note is written in DAP: send dap, not birp");
            }
            if (dap == null) {
                throw ProblemException.invalidField("dap", "required: this note is written in DAP (data, assessment, plan)");
            }
            fields.put("dap.data", dap.data());
            fields.put("dap.assessment", dap.assessment());
            fields.put("dap.plan", dap.plan());
        } else {
            if (dap != null) {
                throw ProblemException.invalidField("dap", "this note is written in BIRP: send birp, not dap");
            }
            if (birp == null) {
                throw ProblemException.invalidField("birp", "required: this note is written in BIRP (behaviour, intervention, response, plan)");
            }
            fields.put("birp.behaviour", birp.behaviour());
            fields.put("birp.intervention", birp.intervention());
            fields.put("birp.response", birp.response());
            fields.put("birp.plan", birp.plan());
        }
        return new Content(format, fields);
    }

    private static void write(ProgressNote note, Content content, List<String> objectiveIds) {
        note.data = content.get("data");
        note.assessment = content.get("assessment");
        note.behaviour = content.get("behaviour");
        note.intervention = content.get("intervention");
        note.response = content.get("response");
        note.plan = content.get("plan");
        note.objectiveIds = objectiveIds == null ? new String[0] : objectiveIds.toArray(String[]::new);
    }
}
