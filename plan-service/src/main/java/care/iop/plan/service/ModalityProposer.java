package care.iop.plan.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import care.iop.events.ModalityMix;
import care.iop.plan.readmodel.KnownPatient;

/**
 * Proposes a weekly modality mix from the patient's group comfort, preferred modality, track and
 * level of care (rule documented in docs/modality-proposal.md).
 * <p>
 * Three steps, from individual to group work, all sized to reach the weekly target (the level-of-care minimum):
 * <ul>
 * <li><b>individual-heavy</b> (UNCOMFORTABLE): about two thirds of the hours as 60-minute individual sessions, a small
 * group dose (at least 1 h) for the rest; the rationale names the next step (mixed) and when to switch to it;</li>
 * <li><b>mixed</b> (HESITANT): about 45 % of the hours as 60-minute individual sessions, groups for the rest;</li>
 * <li><b>group-heavy</b> (COMFORTABLE): one 50-minute individual session, groups for the rest.</li>
 * </ul>
 * Without an active group consent the proposal is individual only and still aims at the minimum (60-minute sessions,
 * at most {@value #MAX_INDIVIDUAL_SESSIONS} a week); it needs a justification only when that cap cannot reach it.
 */
@ApplicationScoped
public class ModalityProposer {
    /** Target hours for a level without a configured minimum (level 1 outpatient). */
    static final double OUTPATIENT_TARGET_HOURS = 3;
    /** Most individual sessions a week the proposer plans (the API accepts at most 14 too). */
    static final int MAX_INDIVIDUAL_SESSIONS = 14;
    /** Length of the individual sessions of the mixed and individual-heavy steps (CPT 90837: 53 minutes or more). */
    static final int INDIVIDUAL_MINUTES = 60;
    /** Length of the single individual session of the group-heavy step (CPT 90834: 38 to 52 minutes). */
    static final int GROUP_HEAVY_INDIVIDUAL_MINUTES = 50;
    /** Share of the hours (after family sessions) given to individual therapy in the mixed step. */
    static final double MIXED_INDIVIDUAL_SHARE = 0.45;
    /** Share of the hours (after family sessions) given to individual therapy in the individual-heavy step. */
    static final double INDIVIDUAL_HEAVY_SHARE = 2.0 / 3.0;
    /** Smallest group dose of the individual-heavy step: one group session. */
    static final double MIN_INTRODUCTORY_GROUP_HOURS = 1;
    /** Weeks of attended group hours after which the individual-heavy step should move on. */
    static final int WEEKS_BEFORE_STEP_UP = 2;

    private static final double EPSILON = 1e-9;

    public record Proposal(ModalityMix mix, String rationale) {
    }

    /** The three steps from individual to group work. */
    enum Step {
        INDIVIDUAL_HEAVY("individual-heavy"), MIXED("mixed"), GROUP_HEAVY("group-heavy");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    public Proposal propose(KnownPatient patient, String levelOfCare, double minimumHours, boolean groupConsent) {
        List<String> why = new ArrayList<>();
        int score = comfortScore(patient.groupComfort, why) + preferenceShift(patient.preferredModality, why);
        score = Math.max(0, Math.min(2, score));
        Step step = Step.values()[score];
        double target = minimumHours > 0 ? minimumHours : OUTPATIENT_TARGET_HOURS;
        why.add(minimumHours > 0
                ? String.format(Locale.ROOT, "level of care %s needs at least %s h a week", levelOfCare, hours(minimumHours))
                : String.format(Locale.ROOT, "level of care %s has no weekly minimum; aiming at %s h", levelOfCare, hours(target)));
        int family = patient.isAdolescent() ? 1 : 0;
        if (family > 0) {
            why.add("adolescent track: one family session a week");
        }
        if (!groupConsent) {
            double rest = target - familyHours(family);
            int sessions = clamp((int) Math.ceil(rest - EPSILON), 1, MAX_INDIVIDUAL_SESSIONS);
            ModalityMix mix = new ModalityMix(sessions, INDIVIDUAL_MINUTES, 0, family);
            why.add(String.format(Locale.ROOT, "no active GROUP_PARTICIPATION consent: individual therapy only, %d x %d min a week"
                    + " to reach the weekly target without group hours (at most %d sessions)", sessions, INDIVIDUAL_MINUTES,
                    MAX_INDIVIDUAL_SESSIONS));
            why.add("once the patient consents to group therapy, switch to the " + step.label + " step " + describe(mix(step, target, family))
                    + " with a modality change");
            return finish(mix, target, why, patient);
        }
        ModalityMix mix = mix(step, target, family);
        switch (step) {
            case GROUP_HEAVY -> why.add("group-heavy: one individual session, the rest in groups " + describe(mix));
            case MIXED -> why.add("mixed: individual and group therapy side by side " + describe(mix)
                    + "; next step: when the patient is comfortable sharing in groups (at the latest at the next plan review), switch to"
                    + " group-heavy " + describe(mix(Step.GROUP_HEAVY, target, family)));
            case INDIVIDUAL_HEAVY -> why.add(String.format(Locale.ROOT, "individual-heavy: %s h individual therapy and a small group"
                    + " dose of %s h %s; group introduced gradually: after %d weeks in which the patient attended the group hours (see"
                    + " the plan's dose), or at the first plan review at the latest, switch to the mixed step %s, then to group-heavy %s"
                    + " once comfortable in groups", hours(individualHours(mix)), hours(mix.groupHoursPerWeek()), describe(mix),
                    WEEKS_BEFORE_STEP_UP, describe(mix(Step.MIXED, target, family)), describe(mix(Step.GROUP_HEAVY, target, family))));
        }
        return finish(mix, target, why, patient);
    }

    /** The mix of a step that reaches {@code target} hours a week with {@code family} family sessions. */
    static ModalityMix mix(Step step, double target, int family) {
        double rest = target - familyHours(family);
        int sessions;
        int minutes = INDIVIDUAL_MINUTES;
        double minimumGroup = 0;
        switch (step) {
            case GROUP_HEAVY -> {
                sessions = 1;
                minutes = GROUP_HEAVY_INDIVIDUAL_MINUTES;
            }
            case MIXED -> sessions = clamp((int) Math.round(rest * MIXED_INDIVIDUAL_SHARE), 1, MAX_INDIVIDUAL_SESSIONS);
            default -> {
                sessions = clamp((int) Math.ceil(rest * INDIVIDUAL_HEAVY_SHARE - EPSILON), 1, MAX_INDIVIDUAL_SESSIONS);
                minimumGroup = MIN_INTRODUCTORY_GROUP_HOURS;
            }
        }
        double group = Math.max(minimumGroup, ceilToHalfHour(rest - sessions * minutes / 60.0));
        return new ModalityMix(sessions, minutes, group, family);
    }

    private static Proposal finish(ModalityMix mix, double target, List<String> why, KnownPatient patient) {
        if ("ADULT_SUD".equals(patient.track)) {
            why.add("substance-use track: schedule the hours as at least 3 h on at least 3 days (H0015)");
        }
        why.add(String.format(Locale.ROOT, "planned %s h a week%s", hours(mix.weeklyHours()),
                mix.weeklyHours() + EPSILON < target ? ", below the target: a belowMinimumJustification is needed" : ""));
        return new Proposal(mix, "Proposed: " + String.join("; ", why) + ".");
    }

    /** "(6 x 60 min individual + 3 h group = 9 h)", with the family sessions when there are any. */
    static String describe(ModalityMix mix) {
        StringBuilder text = new StringBuilder("(");
        if (mix.individualSessionsPerWeek() > 0) {
            text.append(mix.individualSessionsPerWeek()).append(" x ").append(mix.individualSessionMinutes()).append(" min individual");
        }
        if (mix.groupHoursPerWeek() > 0) {
            text.append(text.length() > 1 ? " + " : "").append(hours(mix.groupHoursPerWeek())).append(" h group");
        }
        if (mix.familySessionsPerWeek() > 0) {
            text.append(text.length() > 1 ? " + " : "").append(mix.familySessionsPerWeek()).append(" x 50 min family");
        }
        return text.append(" = ").append(hours(mix.weeklyHours())).append(" h)").toString();
    }

    private static double individualHours(ModalityMix mix) {
        return mix.individualSessionsPerWeek() * mix.individualSessionMinutes() / 60.0;
    }

    private static double familyHours(int family) {
        return family * ModalityMix.FAMILY_SESSION_MINUTES / 60.0;
    }

    private static double ceilToHalfHour(double value) {
        return Math.max(0, Math.ceil(value * 2 - EPSILON) / 2.0);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static int comfortScore(String comfort, List<String> why) {
        if (comfort == null) {
            why.add("group comfort not recorded: treated as HESITANT");
            return 1;
        }
        why.add("group comfort " + comfort);
        return switch (comfort) {
            case "COMFORTABLE" -> 2;
            case "UNCOMFORTABLE" -> 0;
            default -> 1;
        };
    }

    private static int preferenceShift(String preferred, List<String> why) {
        if ("GROUP".equals(preferred)) {
            why.add("prefers group therapy");
            return 1;
        }
        if ("INDIVIDUAL".equals(preferred)) {
            why.add("prefers individual therapy");
            return -1;
        }
        return 0;
    }

    static String hours(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }
}
