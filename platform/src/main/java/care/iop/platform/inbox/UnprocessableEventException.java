package care.iop.platform.inbox;

/** An event that can never be processed (missing headers, bad payload, unknown type or version): it goes to the DLQ. */
public class UnprocessableEventException extends RuntimeException {
    public UnprocessableEventException(String message) {
        super(message);
    }

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The unprocessable event exception in {@code failure}'s cause chain, or null when the failure may pass. */
    public static UnprocessableEventException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnprocessableEventException unprocessable) {
                return unprocessable;
            }
        }
        return null;
    }
}
