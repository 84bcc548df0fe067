package care.iop.session.domain;

public enum BookingStatus {
    BOOKED, WAITLISTED, CANCELLED;

    public boolean active() {
        return this != CANCELLED;
    }
}
