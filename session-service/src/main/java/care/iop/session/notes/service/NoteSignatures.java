package care.iop.session.notes.service;

import java.util.Collection;
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
import care.iop.platform.consistency.AggregateVersion;
import care.iop.platform.consistency.ReadModelBehindException;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.web.ETags;
import care.iop.problems.ProblemType;
import care.iop.session.domain.ReadModels;
import care.iop.session.domain.ReadModels.ClinicianFacts;
import care.iop.session.domain.SessionType;
import care.iop.session.domain.TherapySession;
import care.iop.session.notes.domain.AddendumStatus;
import care.iop.session.notes.domain.NoteAddendum;
import care.iop.session.notes.domain.NoteStatus;
import care.iop.session.notes.domain.ProgressNote;
import care.iop.session.notes.rest.AddendumRequest;

/**
 * Signatures and addenda. A note is signed by the session's clinician (the token's {@code clinician_id}); when the signer's
 * credentials are supervised ({@code iop.notes.supervised-credentials}) it waits for a co-signature by another active
 * clinician whose credentials are not, then it is locked. An addendum corrects a signed note and is signed the same way by
 * the clinician who wrote it. Nothing is ever deleted.
 */
@ApplicationScoped
public class NoteSignatures {

    @Inject
    EntityManager em;

    @Inject
    NotesConfig config;

    @Inject
    NoteClock clock;

    @Inject
    CurrentUser user;

    @Inject
    ReadModels readModels;

    @Inject
    GroupConfidentiality confidentiality;

    @Inject
    NoteEvents events;

    /** Signs a draft (the session's clinician) or co-signs a note awaiting it (another, unsupervised, active clinician). */
    @Transactional
    public ProgressNote sign(UUID noteId, String ifMatch) {
        ProgressNote note = NoteService.lockOrNotFound(noteId);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, note.version);
        }
        TherapySession session = TherapySession.findById(note.sessionId);
        UUID clinicianId = signer();
        switch (note.status) {
            case DRAFT -> {
                if (!clinicianId.equals(session.clinicianId)) {
                    throw new ProblemException(ProblemType.FORBIDDEN, "Only the session's clinician signs its notes");
                }
                ClinicianFacts signer = known(clinicianId);
                note.signedBy = clinicianId;
                note.signedAt = clock.now();
                note.signerCredentials = signer.credentials().toArray(String[]::new);
                if (config.supervised(signer.credentials())) {
                    note.status = NoteStatus.AWAITING_COSIGNATURE;
                } else {
                    lock(note);
                }
            }
            case AWAITING_COSIGNATURE -> {
                ClinicianFacts cosigner = cosigner(clinicianId, note.signedBy);
                note.cosignedBy = clinicianId;
                note.cosignedAt = clock.now();
                note.cosignerCredentials = cosigner.credentials().toArray(String[]::new);
                lock(note);
            }
            case LOCKED -> throw ProblemException.conflict("Note " + noteId + " is signed and locked: correct it with an addendum");
            case ENTERED_IN_ERROR -> throw ProblemException.conflict("Note " + noteId + " is entered in error: it is not signed");
        }
        note.updatedAt = clock.now();
        em.flush();
        events.note(EventTypes.PROGRESS_NOTE_SIGNED, session, note);
        return note;
    }

    private static void lock(ProgressNote note) {
        note.status = NoteStatus.LOCKED;
        note.lockedAt = note.cosignedAt != null ? note.cosignedAt : note.signedAt;
    }

    /** Adds a correction to a signed note (awaiting co-signature or locked), written by a clinician, who then signs it. */
    @Transactional
    public NoteAddendum addAddendum(UUID noteId, @Valid @NotNull AddendumRequest request) {
        ProgressNote note = NoteService.lockOrNotFound(noteId);
        if (!note.status.signed()) {
            throw ProblemException.conflict(note.status == NoteStatus.DRAFT
                    ? "Note " + noteId + " is a draft: edit it (PUT) instead of amending it"
                    : "Note " + noteId + " is entered in error: it takes no addendum");
        }
        UUID author = signer();
        known(author);
        TherapySession session = TherapySession.findById(note.sessionId);
        Collection<UUID> others = session.type == SessionType.GROUP ? confidentiality.otherMembers(session.id, note.patientId) : List.of();
        confidentiality.requireNoneNamed(Map.of("text", request.text()), others);
        NoteAddendum addendum = new NoteAddendum();
        addendum.id = UUID.randomUUID();
        addendum.noteId = noteId;
        addendum.number = NoteAddendum.ofNote(noteId).size() + 1;
        addendum.text = request.text();
        addendum.status = AddendumStatus.AWAITING_SIGNATURE;
        addendum.authorSubject = user.subject();
        addendum.authorClinicianId = author;
        addendum.createdAt = clock.now();
        addendum.persist();
        em.flush();
        events.addendum(EventTypes.PROGRESS_NOTE_ADDENDUM_ADDED, session, note, addendum);
        return addendum;
    }

    /** Signs an addendum (its author) or co-signs it (another, unsupervised, active clinician) when the author's credentials need it. */
    @Transactional
    public NoteAddendum signAddendum(UUID noteId, int number) {
        ProgressNote note = NoteService.lockOrNotFound(noteId);
        NoteAddendum addendum = NoteAddendum.of(noteId, number);
        if (addendum == null) {
            throw ProblemException.notFound("Addendum " + number + " of note", noteId);
        }
        UUID clinicianId = signer();
        switch (addendum.status) {
            case AWAITING_SIGNATURE -> {
                if (!clinicianId.equals(addendum.authorClinicianId)) {
                    throw new ProblemException(ProblemType.FORBIDDEN, "Only the clinician who wrote an addendum signs it");
                }
                ClinicianFacts signer = known(clinicianId);
                addendum.signedAt = clock.now();
                addendum.signerCredentials = signer.credentials().toArray(String[]::new);
                addendum.status = config.supervised(signer.credentials()) ? AddendumStatus.AWAITING_COSIGNATURE : AddendumStatus.SIGNED;
            }
            case AWAITING_COSIGNATURE -> {
                ClinicianFacts cosigner = cosigner(clinicianId, addendum.authorClinicianId);
                addendum.cosignedBy = clinicianId;
                addendum.cosignedAt = clock.now();
                addendum.cosignerCredentials = cosigner.credentials().toArray(String[]::new);
                addendum.status = AddendumStatus.SIGNED;
            }
            case SIGNED -> throw ProblemException.conflict("Addendum " + number + " of note " + noteId + " is signed already");
        }
        em.flush();
        events.addendum(EventTypes.PROGRESS_NOTE_ADDENDUM_SIGNED, TherapySession.findById(note.sessionId), note, addendum);
        return addendum;
    }

    /** The clinician the token signs as (claim clinician_id); 403 without one. */
    private UUID signer() {
        return user.clinicianId().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                "Signing needs a token that names the clinician who signs (claim clinician_id)"));
    }

    private ClinicianFacts known(UUID clinicianId) {
        return readModels.clinician(clinicianId)
                .orElseThrow(() -> ReadModelBehindException.unknown("clinician_id", AggregateVersion.CLINICIAN, clinicianId));
    }

    /** 403 unless the co-signer is another clinician, active, whose credentials need no supervision. */
    private ClinicianFacts cosigner(UUID clinicianId, UUID signedBy) {
        if (clinicianId.equals(signedBy)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A co-signature is by another clinician than the signer");
        }
        ClinicianFacts cosigner = known(clinicianId);
        if (!cosigner.active()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Clinician " + clinicianId + " is not active and may not co-sign");
        }
        if (config.supervised(cosigner.credentials())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A co-signer's credentials must not themselves need supervision");
        }
        return cosigner;
    }
}
