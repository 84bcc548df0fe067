package care.iop.platform.testapp;

import java.util.UUID;

public record NoteEvent(UUID id, UUID patientId, String text) {
    public static final String TOPIC = "iop.platform-test";
    public static final String TYPE = "care.iop.test.note-written.v1";
}
