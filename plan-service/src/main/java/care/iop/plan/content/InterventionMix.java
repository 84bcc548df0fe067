package care.iop.plan.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import care.iop.events.ModalityMix;
import care.iop.platform.problem.ProblemException;

/**
 * The weekly modality mix of a plan follows from its interventions (docs/modality-proposal.md, "Interventions and the mix"):
 * <ul>
 * <li>individual sessions a week = the sum of the individual interventions' sessions; their minutes = the one length they
 * share. Individual interventions of different lengths are refused (422 naming the first differing
 * {@code interventions[i].minutesPerSession}): the mix, which session-service books and the dose report counts, has one
 * individual length, and the length decides the CPT code (90832/90834/90837), so an average would bill what nobody
 * prescribed;</li>
 * <li>group hours a week = the group interventions' minutes a week / 60, rounded to the hundredth;</li>
 * <li>family sessions a week = the sum of the family interventions' sessions (50 minutes each).</li>
 * </ul>
 * Two mixes agree when their individual sessions (and minutes, when there are sessions) and family sessions are equal and
 * their group hours differ by at most {@value #HOURS_TOLERANCE} h.
 */
public final class InterventionMix {
    public static final double HOURS_TOLERANCE = 0.01;
    /** Longest group block of an intervention derived from group hours: a 3-hour program day. */
    static final int GROUP_BLOCK_MINUTES = 180;
    static final int MAX_INDIVIDUAL_SESSIONS = 14;
    static final double MAX_GROUP_HOURS = 40;
    static final int MAX_FAMILY_SESSIONS = 7;
    static final String INDIVIDUAL_THERAPY = "Individual psychotherapy";
    static final String GROUP_THERAPY = "Group therapy";
    static final String FAMILY_THERAPY = "Family therapy";

    private InterventionMix() {
    }

    /** The mix the interventions make; 422 when individual lengths differ, 400 (naming {@code interventions}) beyond the API's limits. */
    public static ModalityMix of(List<Intervention> interventions) {
        int individual = 0;
        Integer minutes = null;
        int groupMinutes = 0;
        int family = 0;
        for (int i = 0; i < interventions.size(); i++) {
            Intervention intervention = interventions.get(i);
            switch (intervention.modality()) {
                case Intervention.INDIVIDUAL -> {
                    if (minutes != null && minutes != intervention.minutesPerSession()) {
                        throw ProblemException.ruleViolation("interventions[" + i + "].minutesPerSession", "Individual interventions of one plan"
                                + " share one session length (here " + minutes + " min): the modality mix has one individual length");
                    }
                    minutes = intervention.minutesPerSession();
                    individual += intervention.sessionsPerWeek();
                }
                case Intervention.GROUP -> groupMinutes += intervention.weeklyMinutes();
                case Intervention.FAMILY -> family += intervention.sessionsPerWeek();
                default -> throw new IllegalArgumentException("Unknown modality " + intervention.modality());
            }
        }
        ModalityMix mix = new ModalityMix(individual, minutes == null ? 0 : minutes, Math.round(groupMinutes / 60.0 * 100) / 100.0, family);
        if (individual > MAX_INDIVIDUAL_SESSIONS || mix.groupHoursPerWeek() > MAX_GROUP_HOURS || family > MAX_FAMILY_SESSIONS) {
            throw ProblemException.invalidField("interventions", "add up to more than " + MAX_INDIVIDUAL_SESSIONS + " individual sessions, "
                    + (int) MAX_GROUP_HOURS + " group hours or " + MAX_FAMILY_SESSIONS + " family sessions a week");
        }
        return mix;
    }

    public static boolean agrees(ModalityMix a, ModalityMix b) {
        return a.individualSessionsPerWeek() == b.individualSessionsPerWeek()
                && (a.individualSessionsPerWeek() == 0 || a.individualSessionMinutes() == b.individualSessionMinutes())
                && Math.abs(a.groupHoursPerWeek() - b.groupHoursPerWeek()) <= HOURS_TOLERANCE + 1e-9
                && a.familySessionsPerWeek() == b.familySessionsPerWeek();
    }

    /**
     * Interventions that make {@code mix} (a request with a modality and no interventions, or a plan stored before
     * interventions existed): one individual intervention, group hours in blocks of at most 3 hours (8.5 h = 3 x 170 min;
     * when the minutes do not divide evenly, two interventions a minute apart), one family intervention; the
     * {@code clinician} is responsible, they serve {@code objectiveIds} and run for the whole plan. Ids are left to
     * {@link PlanContent#withIds()}.
     */
    public static List<Intervention> fromMix(ModalityMix mix, UUID clinician, List<String> objectiveIds) {
        List<Intervention> result = new ArrayList<>();
        result.addAll(individual(mix, clinician, objectiveIds));
        result.addAll(group(mix, clinician, objectiveIds));
        result.addAll(family(mix, clinician, objectiveIds));
        return result;
    }

    /**
     * The interventions after a switch to {@code to} that names no interventions: those of a modality whose weekly amount
     * is unchanged stay as they are; those of a changed modality are replaced as in {@link #fromMix} (the {@code clinician}
     * responsible), serving every objective the replaced ones served.
     */
    public static List<Intervention> follow(List<Intervention> current, ModalityMix to, UUID clinician) {
        ModalityMix from = of(current);
        List<Intervention> result = new ArrayList<>();
        boolean sameIndividual = from.individualSessionsPerWeek() == to.individualSessionsPerWeek()
                && (to.individualSessionsPerWeek() == 0 || from.individualSessionMinutes() == to.individualSessionMinutes());
        result.addAll(keepOrReplace(current, Intervention.INDIVIDUAL, sameIndividual, ids -> individual(to, clinician, ids)));
        boolean sameGroup = Math.abs(from.groupHoursPerWeek() - to.groupHoursPerWeek()) <= HOURS_TOLERANCE + 1e-9;
        result.addAll(keepOrReplace(current, Intervention.GROUP, sameGroup, ids -> group(to, clinician, ids)));
        boolean sameFamily = from.familySessionsPerWeek() == to.familySessionsPerWeek();
        result.addAll(keepOrReplace(current, Intervention.FAMILY, sameFamily, ids -> family(to, clinician, ids)));
        return result;
    }

    private static List<Intervention> keepOrReplace(List<Intervention> current, String modality, boolean keep,
                                                    java.util.function.Function<List<String>, List<Intervention>> replacement) {
        Predicate<Intervention> ofModality = i -> modality.equals(i.modality());
        List<Intervention> existing = current.stream().filter(ofModality).toList();
        if (keep) {
            return existing;
        }
        Set<String> served = new LinkedHashSet<>();
        existing.forEach(i -> served.addAll(i.objectiveIds()));
        return replacement.apply(List.copyOf(served));
    }

    private static List<Intervention> individual(ModalityMix mix, UUID clinician, List<String> objectiveIds) {
        if (mix.individualSessionsPerWeek() == 0) {
            return List.of();
        }
        return List.of(new Intervention(null, Intervention.INDIVIDUAL, INDIVIDUAL_THERAPY, mix.individualSessionsPerWeek(),
                mix.individualSessionMinutes(), null, clinician, objectiveIds));
    }

    private static List<Intervention> group(ModalityMix mix, UUID clinician, List<String> objectiveIds) {
        int total = (int) Math.round(mix.groupHoursPerWeek() * 60);
        if (total <= 0) {
            return List.of();
        }
        int sessions = Math.max(1, (total + GROUP_BLOCK_MINUTES - 1) / GROUP_BLOCK_MINUTES);
        int minutes = total / sessions;
        int longer = total % sessions;
        List<Intervention> result = new ArrayList<>();
        if (longer > 0) {
            result.add(new Intervention(null, Intervention.GROUP, GROUP_THERAPY, longer, minutes + 1, null, clinician, objectiveIds));
        }
        result.add(new Intervention(null, Intervention.GROUP, GROUP_THERAPY, sessions - longer, minutes, null, clinician, objectiveIds));
        return result;
    }

    private static List<Intervention> family(ModalityMix mix, UUID clinician, List<String> objectiveIds) {
        if (mix.familySessionsPerWeek() == 0) {
            return List.of();
        }
        return List.of(new Intervention(null, Intervention.FAMILY, FAMILY_THERAPY, mix.familySessionsPerWeek(),
                ModalityMix.FAMILY_SESSION_MINUTES, null, clinician, objectiveIds));
    }
}
