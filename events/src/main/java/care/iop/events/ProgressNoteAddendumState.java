package care.iop.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Carried by addendum events of a progress note on {@link Topics#SESSIONS} (key: the session id): a correction added to a
 * signed note, signed on its own. Never its text.
 *
 * @param number the addendum's number within its note, from 1
 * @param status AWAITING_SIGNATURE, AWAITING_COSIGNATURE or SIGNED
 * @param authorClinicianId the clinician who wrote it and signs it
 * @param cosignedBy the co-signer, when the author's credentials need one
 * @param part2 as the note's
 */
public record ProgressNoteAddendumState(UUID noteId, UUID sessionId, UUID patientId, int number, String status, UUID authorClinicianId,
                                        OffsetDateTime createdAt, OffsetDateTime signedAt, UUID cosignedBy, OffsetDateTime cosignedAt,
                                        Boolean part2) {
}
