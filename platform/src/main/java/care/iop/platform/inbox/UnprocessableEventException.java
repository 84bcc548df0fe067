package care.iop.platform.inbox;

/** An event that can never be processed (missing headers, bad payload, unknown type or version): it goes to the DLQ. */
public class UnprocessableEventException extends RuntimeException {
    public UnprocessableEventException(String message) {
        super(message);
    }

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
