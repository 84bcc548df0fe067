package care.iop.plan.comparison.domain;

/**
 * The scale on which a dose's group share is measured (docs/outcomes.md, "Exposure buckets").
 * <ul>
 * <li>{@link #SESSIONS} (default): the share of therapy <em>sessions</em> that were group sessions. Individual and family
 * sessions count one each; group time counts one session per {@code groupSessionMinutes} (the program's group session
 * length), because a plan prescribes group <em>hours</em> a week. The standard IOP week (three 3-hour groups and one
 * 50-minute individual session) is 6 of 7 sessions with 90-minute groups, 3 of 4 with 3-hour groups.</li>
 * <li>{@link #HOURS}: the share of therapy hours that were group hours (today's minutes rule; the standard IOP week is
 * 540 of 590 minutes, 91.5 %, so nearly every real programme is "mostly group").</li>
 * </ul>
 */
public enum ExposureScale {
    SESSIONS, HOURS;

    /** The group share of {@code dose}; null when the dose holds no therapy. */
    public Fraction groupShare(Dose dose, int groupSessionMinutes) {
        long others = switch (this) {
            case SESSIONS -> (long) groupSessionMinutes * (dose.individualSessions() + dose.familySessions());
            case HOURS -> dose.individualMinutes() + dose.familyMinutes();
        };
        long total = dose.groupMinutes() + others;
        return total == 0 ? null : new Fraction(dose.groupMinutes(), total);
    }
}
