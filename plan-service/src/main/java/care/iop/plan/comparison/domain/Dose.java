package care.iop.plan.comparison.domain;

import care.iop.events.ModalityMix;

/**
 * An amount of therapy: individual and family sessions with their minutes, and group minutes. A week of a plan's
 * modality mix, or what a patient attended; doses add up over the days of an exposure period.
 */
public record Dose(long individualSessions, long individualMinutes, long groupMinutes, long familySessions, long familyMinutes) {
    public static final Dose NONE = new Dose(0, 0, 0, 0, 0);

    /** One week of a plan's mix (group hours to whole minutes; family sessions of 50 minutes). */
    public static Dose weekOf(ModalityMix mix) {
        return new Dose(mix.individualSessionsPerWeek(), (long) mix.individualSessionsPerWeek() * mix.individualSessionMinutes(),
                Math.round(mix.groupHoursPerWeek() * 60), mix.familySessionsPerWeek(),
                (long) mix.familySessionsPerWeek() * ModalityMix.FAMILY_SESSION_MINUTES);
    }

    public Dose plus(Dose other) {
        return new Dose(individualSessions + other.individualSessions, individualMinutes + other.individualMinutes,
                groupMinutes + other.groupMinutes, familySessions + other.familySessions, familyMinutes + other.familyMinutes);
    }

    public boolean isEmpty() {
        return individualSessions == 0 && groupMinutes == 0 && familySessions == 0 && individualMinutes == 0 && familyMinutes == 0;
    }
}
