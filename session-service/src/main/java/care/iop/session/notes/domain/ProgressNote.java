package care.iop.session.notes.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A progress note of one patient in one session, or the narrative of a group session (FHIR: a DocumentReference of the
 * Encounter). Its text is clinical content: it never leaves the service in an event. Never deleted.
 */
@Entity
@Table(name = "progress_note")
public class ProgressNote extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    /** Null for a group narrative. */
    @Column(name = "patient_id")
    public UUID patientId;
    @Enumerated(EnumType.STRING)
    public NoteKind kind;
    @Enumerated(EnumType.STRING)
    public NoteFormat format;
    public String data;
    public String assessment;
    public String behaviour;
    public String intervention;
    public String response;
    public String plan;
    @Column(name = "objective_ids")
    public String[] objectiveIds;
    @Enumerated(EnumType.STRING)
    public NoteStatus status;
    @Column(name = "author_subject")
    public String authorSubject;
    @Column(name = "author_clinician_id")
    public UUID authorClinicianId;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "signed_by")
    public UUID signedBy;
    @Column(name = "signed_at")
    public OffsetDateTime signedAt;
    @Column(name = "signer_credentials")
    public String[] signerCredentials;
    @Column(name = "cosigned_by")
    public UUID cosignedBy;
    @Column(name = "cosigned_at")
    public OffsetDateTime cosignedAt;
    @Column(name = "cosigner_credentials")
    public String[] cosignerCredentials;
    @Column(name = "locked_at")
    public OffsetDateTime lockedAt;
    @Column(name = "entered_in_error_at")
    public OffsetDateTime enteredInErrorAt;
    @Column(name = "entered_in_error_by")
    public String enteredInErrorBy;
    @Column(name = "entered_in_error_reason")
    public String enteredInErrorReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_error")
    public NoteStatus statusBeforeError;
    @Version
    public long version;

    public static ProgressNote lockById(UUID id) {
        return getEntityManager().find(ProgressNote.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Every note of a session, entered-in-error ones too: the narrative first, then by patient and creation. */
    public static List<ProgressNote> ofSession(UUID sessionId) {
        return list("sessionId = ?1 order by kind, patientId, createdAt", sessionId);
    }

    /** The session's note of this patient (or its narrative, for a null patient) that is not entered in error. */
    public static ProgressNote current(UUID sessionId, UUID patientId) {
        return patientId == null
                ? find("sessionId = ?1 and kind = ?2 and status <> ?3", sessionId, NoteKind.GROUP_NARRATIVE, NoteStatus.ENTERED_IN_ERROR).firstResult()
                : find("sessionId = ?1 and patientId = ?2 and status <> ?3", sessionId, patientId, NoteStatus.ENTERED_IN_ERROR).firstResult();
    }
}
