package care.iop.events;

/** The weekly mix of therapy a plan prescribes. */
public record ModalityMix(int individualSessionsPerWeek, int individualSessionMinutes, double groupHoursPerWeek,
                          int familySessionsPerWeek) {

    public static final int FAMILY_SESSION_MINUTES = 50;

    /** Planned structured hours a week: individual minutes x sessions + group hours + 50 min x family sessions. */
    public double weeklyHours() {
        return individualSessionsPerWeek * individualSessionMinutes / 60.0 + groupHoursPerWeek
                + familySessionsPerWeek * FAMILY_SESSION_MINUTES / 60.0;
    }
}
