package care.iop.session.notes.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A correction of a signed note, numbered from 1 within it and signed on its own by the clinician who wrote it. */
@Entity
@Table(name = "progress_note_addendum")
public class NoteAddendum extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "note_id")
    public UUID noteId;
    public int number;
    public String text;
    @Enumerated(EnumType.STRING)
    public AddendumStatus status;
    @Column(name = "author_subject")
    public String authorSubject;
    @Column(name = "author_clinician_id")
    public UUID authorClinicianId;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
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
    @Version
    public long version;

    public static List<NoteAddendum> ofNote(UUID noteId) {
        return list("noteId = ?1 order by number", noteId);
    }

    public static List<NoteAddendum> ofNotes(List<UUID> noteIds) {
        return noteIds.isEmpty() ? List.of() : list("noteId in ?1 order by noteId, number", noteIds);
    }

    public static NoteAddendum of(UUID noteId, int number) {
        return find("noteId = ?1 and number = ?2", noteId, number).firstResult();
    }
}
