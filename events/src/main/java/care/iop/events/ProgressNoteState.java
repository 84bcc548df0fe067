package care.iop.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Carried by progress-note events on {@link Topics#SESSIONS} (key: the session id). Ids, status, signers and times only:
 * never the note's text nor the entered-in-error reason (they stay in session-service; clinical content).
 *
 * @param kind PATIENT (one patient's note) or GROUP_NARRATIVE (the note of a group session as a whole; no patientId)
 * @param format DAP or BIRP
 * @param status DRAFT, AWAITING_COSIGNATURE, LOCKED or ENTERED_IN_ERROR
 * @param objectiveIds the plan objectives the note says it addressed, as the clinician gave them (not checked against the plan)
 * @param clinicianId the session's clinician, who signs the note
 * @param signedBy the clinician who signed (the session's), with {@code signedAt}; null while a draft
 * @param cosignedBy the co-signer, when the signer's credentials need one, with {@code cosignedAt}
 * @param dueAt the session's end plus the program's note deadline (72 h by default)
 * @param part2 the note is a 42 CFR Part 2 record: its patient's label, or for a group narrative, any attending member's
 */
public record ProgressNoteState(UUID noteId, UUID sessionId, String sessionType, UUID patientId, String kind, String format,
                                String status, List<String> objectiveIds, UUID clinicianId, UUID signedBy, OffsetDateTime signedAt,
                                UUID cosignedBy, OffsetDateTime cosignedAt, OffsetDateTime lockedAt, OffsetDateTime dueAt,
                                OffsetDateTime enteredInErrorAt, Boolean part2, long version) {
}
