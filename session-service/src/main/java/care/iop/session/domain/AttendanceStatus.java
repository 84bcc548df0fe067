package care.iop.session.domain;

public enum AttendanceStatus {
    ATTENDED, LATE, LEFT_EARLY, ABSENT, EXCUSED, NO_SHOW;

    /** The patient was there for at least part of the session. */
    public boolean present() {
        return this == ATTENDED || this == LATE || this == LEFT_EARLY;
    }
}
