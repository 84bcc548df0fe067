package care.iop.platform.idempotency;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A first answer as stored: status, kept headers, media type and body (serialized), the changes its request audited
 * (a replay is audited against them) and whether it disclosed Part 2 records to a caller outside the program.
 */
record StoredAnswer(int status, Map<String, String> headers, String mediaType, String body, List<Change> changes, boolean disclosed) {

    /** A change the first request audited: its resource and patient. */
    record Change(String resourceType, String resourceId, UUID patientId) {
    }
}
