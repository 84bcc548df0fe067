package care.iop.session.domain;

/** FHIR Appointment statuses a session goes through. */
public final class SessionStatus {
    public static final String BOOKED = "booked";
    public static final String CANCELLED = "cancelled";
    public static final String FULFILLED = "fulfilled";

    private SessionStatus() {
    }
}
