package care.iop.plan.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.events.ModalityMix;
import care.iop.plan.config.ProposalConfig;
import care.iop.plan.content.Intervention;
import care.iop.plan.content.InterventionMix;
import care.iop.plan.content.StepUp;

/**
 * Proposes a plan's interventions (and so its weekly modality mix) from the patient's group comfort, preferred modality,
 * track, level of care, group consent, open safety flags and latest PHQ-9 / GAD-7 scores (rule documented in
 * docs/modality-proposal.md).
 * <p>
 * Three steps, from individual to group work, all sized to reach the weekly target (the level-of-care minimum, or 3 h
 * more when the latest scores are moderately severe or severe or a safety flag is open), never above the level's ceiling:
 * <ul>
 * <li><b>individual-heavy</b> (UNCOMFORTABLE): about two thirds of the hours as 60-minute individual sessions, at least one
 * group session for the rest;</li>
 * <li><b>mixed</b> (HESITANT): about 45 % of the hours as 60-minute individual sessions, groups for the rest;</li>
 * <li><b>group-heavy</b> (COMFORTABLE): one 50-minute individual session (two when intensified), groups for the rest.</li>
 * </ul>
 * At most {@code iop.plan.proposal.max-individual-per-day} individual sessions a day on
 * {@code iop.plan.proposal.program-days-per-week} days (1 x 5 by default); groups come in sessions of
 * {@code iop.plan.proposal.group-session-minutes} (90). The proposal names the step-up it suggests ({@link StepUp}).
 */
@ApplicationScoped
public class ModalityProposer {
    /** Target hours for a level without a configured minimum (level 1 outpatient). */
    static final double OUTPATIENT_TARGET_HOURS = 3;
    /** Length of the individual sessions of the mixed and individual-heavy steps (CPT 90837: 53 minutes or more). */
    static final int INDIVIDUAL_MINUTES = 60;
    /** Length of the individual sessions of the group-heavy step (CPT 90834: 38 to 52 minutes). */
    static final int GROUP_HEAVY_INDIVIDUAL_MINUTES = 50;
    /** Share of the hours (after family sessions) given to individual therapy in the mixed step. */
    static final double MIXED_INDIVIDUAL_SHARE = 0.45;
    /** Share of the hours (after family sessions) given to individual therapy in the individual-heavy step. */
    static final double INDIVIDUAL_HEAVY_SHARE = 2.0 / 3.0;
    /** Weeks of attended group hours after which the individual-heavy step should move on. */
    static final int WEEKS_BEFORE_STEP_UP = 2;
    /** PHQ-9 band from which the proposal intensifies (moderately severe, 15 or more). */
    static final String PHQ9_ELEVATED = "MODERATELY_SEVERE";
    static final String SEVERE = "SEVERE";

    private static final double EPSILON = 1e-9;

    @Inject
    ProposalConfig config;

    /** What the proposal looks at. {@code phq9} and {@code gad7} are the latest recent scores, or null. */
    public record Input(String groupComfort, String preferredModality, String track, boolean adolescent, String levelOfCare,
                        double minimumHours, Double maximumHours, boolean groupConsent, int openSafetyFlags, Score phq9, Score gad7,
                        UUID clinicianId, List<String> objectiveIds) {
    }

    /** A score: its total, severity band and day. */
    public record Score(int total, String band, LocalDate takenOn) {
    }

    /** The proposed interventions, the mix they make, the step, the suggested step-up and the reasons. */
    public record Proposal(String step, List<Intervention> interventions, ModalityMix mix, StepUp stepUp, String rationale) {
    }

    /** The three steps from individual to group work. */
    enum Step {
        INDIVIDUAL_HEAVY("individual-heavy"), MIXED("mixed"), GROUP_HEAVY("group-heavy");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    /** A week in numbers: individual sessions x minutes, group sessions, family sessions. */
    record Week(int individual, int minutes, int groups, int groupMinutes, int family) {
        int totalMinutes() {
            return individual * minutes + groups * groupMinutes + family * ModalityMix.FAMILY_SESSION_MINUTES;
        }

        double hours() {
            return totalMinutes() / 60.0;
        }
    }

    /** The sizing rules of one proposal: target, individual bounds, ceiling. */
    private record Sizing(int targetMinutes, int minIndividual, int maxIndividual, Double maximumHours, int family, int groupMinutes) {
    }

    public Proposal propose(Input in) {
        List<String> why = new ArrayList<>();
        int score = comfortScore(in.groupComfort(), why) + preferenceShift(in.preferredModality(), why);
        score = Math.max(0, Math.min(2, score));
        boolean flagged = in.openSafetyFlags() > 0;
        if (flagged) {
            why.add(String.format(Locale.ROOT, "%d open safety flag%s: same-day review (C-SSRS screener) and a safety plan; one step"
                    + " toward individual work", in.openSafetyFlags(), in.openSafetyFlags() > 1 ? "s" : ""));
            score = Math.max(0, score - 1);
        }
        Step step = Step.values()[score];
        boolean severe = scores(in, why);
        boolean intensified = flagged || severe || in.phq9() != null && PHQ9_ELEVATED.equals(in.phq9().band());

        double base = in.minimumHours() > 0 ? in.minimumHours() : OUTPATIENT_TARGET_HOURS;
        why.add(in.minimumHours() > 0
                ? String.format(Locale.ROOT, "level of care %s needs at least %s h a week", in.levelOfCare(), hours(in.minimumHours()))
                : String.format(Locale.ROOT, "level of care %s has no weekly minimum; aiming at %s h", in.levelOfCare(), hours(base)));
        if (in.maximumHours() != null) {
            why.add(String.format(Locale.ROOT, "at most %s h at %s", hours(in.maximumHours()), in.levelOfCare()));
        }
        double target = base;
        boolean cappedByCeiling = false;
        if (intensified) {
            target = base + config.intensifiedExtraHours();
            if (in.maximumHours() != null && target > in.maximumHours()) {
                target = in.maximumHours();
                cappedByCeiling = true;
            }
            why.add(String.format(Locale.ROOT, "intensified: aiming at %s h a week with at least 2 individual sessions%s", hours(target),
                    cappedByCeiling ? " (the level's ceiling)" : ""));
        }
        int family = in.adolescent() ? 1 : 0;
        if (family > 0) {
            why.add("adolescent track: one family session a week");
        }
        int maxIndividual = config.maxIndividualPerWeek();
        why.add(String.format(Locale.ROOT, "at most %d individual session%s a day on %d program days (%d a week)", config.maxIndividualPerDay(),
                config.maxIndividualPerDay() > 1 ? "s" : "", config.programDaysPerWeek(), maxIndividual));
        Sizing sizing = new Sizing((int) Math.round(target * 60), Math.min(intensified ? 2 : 1, maxIndividual), maxIndividual,
                in.maximumHours(), family, config.groupSessionMinutes());

        Week week;
        StepUp stepUp;
        if (!in.groupConsent()) {
            week = individualOnly(sizing);
            why.add(String.format(Locale.ROOT, "no active GROUP_PARTICIPATION consent: individual therapy only %s", describe(week)));
            stepUp = new StepUp(StepUp.MODALITY, step.label, "once the patient consents to group therapy: switch to the " + step.label
                    + " step " + describe(week(step, sizing)) + " with a modality change");
        } else {
            week = week(step, sizing);
            why.add(stepText(step, week));
            stepUp = nextStep(step, sizing);
        }
        StepUp levelUp = levelStepUp(in, flagged, severe, cappedByCeiling);
        if (levelUp != null) {
            stepUp = levelUp;
        }
        if (stepUp != null) {
            why.add("suggested step-up (" + stepUp.kind() + (stepUp.to() == null ? "" : " to " + stepUp.to()) + "): " + stepUp.when());
        }
        if ("ADULT_SUD".equals(in.track())) {
            why.add("substance-use track: schedule the hours as at least 3 h on at least 3 days (H0015)");
        }
        List<Intervention> interventions = interventions(week, in.clinicianId(), in.objectiveIds(), flagged);
        ModalityMix mix = InterventionMix.of(interventions);
        why.add(String.format(Locale.ROOT, "planned %s h a week%s", hours(mix.weeklyHours()),
                in.minimumHours() > 0 && mix.weeklyHours() + EPSILON < in.minimumHours()
                        ? ", below the minimum: a belowMinimumJustification is needed" : ""));
        return new Proposal(in.groupConsent() ? step.label : "individual-only", interventions, mix, stepUp,
                "Proposed: " + String.join("; ", why) + ".");
    }

    /** Notes the latest scores; true when one is in its instrument's severe band. */
    private boolean scores(Input in, List<String> why) {
        if (in.phq9() == null && in.gad7() == null) {
            why.add("no PHQ-9 or GAD-7 in the last " + config.scoreMaxAge().toDays() + " days");
            return false;
        }
        boolean severe = false;
        if (in.phq9() != null) {
            why.add(String.format(Locale.ROOT, "latest PHQ-9 %d (%s) on %s", in.phq9().total(), in.phq9().band(), in.phq9().takenOn()));
            severe = SEVERE.equals(in.phq9().band());
        }
        if (in.gad7() != null) {
            why.add(String.format(Locale.ROOT, "latest GAD-7 %d (%s) on %s", in.gad7().total(), in.gad7().band(), in.gad7().takenOn()));
            severe |= SEVERE.equals(in.gad7().band());
        }
        return severe;
    }

    /** The week of a step that reaches the target, within the individual bounds and the ceiling. */
    static Week week(Step step, Sizing sizing) {
        int rest = sizing.targetMinutes() - sizing.family() * ModalityMix.FAMILY_SESSION_MINUTES;
        int minutes = INDIVIDUAL_MINUTES;
        int sessions;
        int minimumGroups = 0;
        switch (step) {
            case GROUP_HEAVY -> {
                sessions = sizing.minIndividual();
                minutes = GROUP_HEAVY_INDIVIDUAL_MINUTES;
            }
            case MIXED -> sessions = (int) Math.round(rest / 60.0 * MIXED_INDIVIDUAL_SHARE);
            default -> {
                sessions = (int) Math.ceil(rest / 60.0 * INDIVIDUAL_HEAVY_SHARE - EPSILON);
                minimumGroups = 1;
            }
        }
        sessions = clamp(sessions, sizing.minIndividual(), sizing.maxIndividual());
        int groups = Math.max(minimumGroups, (int) Math.ceil((rest - sessions * minutes) / (double) sizing.groupMinutes() - EPSILON));
        return withinCeiling(new Week(sessions, minutes, groups, sizing.groupMinutes(), sizing.family()), sizing);
    }

    /** Without group consent: 60-minute individual sessions toward the target, at most the weekly individual cap. */
    private static Week individualOnly(Sizing sizing) {
        int rest = sizing.targetMinutes() - sizing.family() * ModalityMix.FAMILY_SESSION_MINUTES;
        int sessions = clamp((int) Math.ceil(rest / (double) INDIVIDUAL_MINUTES - EPSILON), sizing.minIndividual(), sizing.maxIndividual());
        return withinCeiling(new Week(sessions, INDIVIDUAL_MINUTES, 0, sizing.groupMinutes(), sizing.family()), sizing);
    }

    /** Drops group sessions, then individual ones, until the week is within the ceiling. */
    private static Week withinCeiling(Week week, Sizing sizing) {
        Week w = week;
        if (sizing.maximumHours() == null) {
            return w;
        }
        while (w.hours() > sizing.maximumHours() + EPSILON && w.groups() > 0) {
            w = new Week(w.individual(), w.minutes(), w.groups() - 1, w.groupMinutes(), w.family());
        }
        while (w.hours() > sizing.maximumHours() + EPSILON && w.individual() > 1) {
            w = new Week(w.individual() - 1, w.minutes(), w.groups(), w.groupMinutes(), w.family());
        }
        return w;
    }

    private static String stepText(Step step, Week week) {
        return switch (step) {
            case GROUP_HEAVY -> "group-heavy: " + (week.individual() == 1 ? "one individual session" : week.individual() + " individual sessions")
                    + ", the rest in groups " + describe(week);
            case MIXED -> "mixed: individual and group therapy side by side " + describe(week);
            case INDIVIDUAL_HEAVY -> String.format(Locale.ROOT, "individual-heavy: %s h individual therapy and a small group dose of %s h %s;"
                    + " group introduced gradually", hours(week.individual() * week.minutes() / 60.0),
                    hours(week.groups() * week.groupMinutes() / 60.0), describe(week));
        };
    }

    /** The next step toward group work and when to take it; null from group-heavy. */
    private static StepUp nextStep(Step step, Sizing sizing) {
        return switch (step) {
            case INDIVIDUAL_HEAVY -> new StepUp(StepUp.MODALITY, Step.MIXED.label, String.format(Locale.ROOT, "after %d weeks in which the"
                    + " patient attended the group hours (see the plan's dose), or at the first plan review at the latest, switch to the"
                    + " mixed step %s, then to group-heavy %s once comfortable in groups", WEEKS_BEFORE_STEP_UP,
                    describe(week(Step.MIXED, sizing)), describe(week(Step.GROUP_HEAVY, sizing))));
            case MIXED -> new StepUp(StepUp.MODALITY, Step.GROUP_HEAVY.label, "when the patient is comfortable sharing in groups (at the"
                    + " latest at the next plan review), switch to group-heavy " + describe(week(Step.GROUP_HEAVY, sizing)));
            case GROUP_HEAVY -> null;
        };
    }

    /** A more intensive level when a safety flag is open, a score is severe, or the intensified target hit the ceiling. */
    private static StepUp levelStepUp(Input in, boolean flagged, boolean severe, boolean cappedByCeiling) {
        if (!flagged && !severe && !cappedByCeiling) {
            return null;
        }
        String next = switch (in.levelOfCare()) {
            case "1" -> "2.1";
            case "2.1" -> "2.5";
            default -> null;
        };
        String cause = flagged ? "an open safety flag" : severe ? "severe latest scores" : "the intensified week reaching the level's ceiling";
        String toWhat = next == null ? "a more intensive level of care (residential or inpatient)" : "level of care " + next;
        return new StepUp(StepUp.LEVEL_OF_CARE, next, "assess for " + toWhat + " because of " + cause
                + ": now if the same-day review finds moderate or high risk, else when the scores do not improve by the first plan review");
    }

    private static List<Intervention> interventions(Week week, UUID clinician, List<String> objectiveIds, boolean flagged) {
        List<Intervention> result = new ArrayList<>();
        if (week.individual() > 0) {
            result.add(new Intervention(null, Intervention.INDIVIDUAL, flagged ? "Individual psychotherapy, starting with a safety plan"
                    + " (Stanley-Brown)" : "Individual psychotherapy", week.individual(), week.minutes(), null, clinician, objectiveIds));
        }
        if (week.groups() > 0) {
            result.add(new Intervention(null, Intervention.GROUP, "Group therapy (process and skills groups)", week.groups(),
                    week.groupMinutes(), null, clinician, objectiveIds));
        }
        if (week.family() > 0) {
            result.add(new Intervention(null, Intervention.FAMILY, "Family therapy", week.family(), ModalityMix.FAMILY_SESSION_MINUTES,
                    null, clinician, objectiveIds));
        }
        return result;
    }

    /** "(5 x 60 min individual + 3 x 90 min group + 1 x 50 min family = 9.5 h)". */
    static String describe(Week week) {
        List<String> parts = new ArrayList<>();
        if (week.individual() > 0) {
            parts.add(week.individual() + " x " + week.minutes() + " min individual");
        }
        if (week.groups() > 0) {
            parts.add(week.groups() + " x " + week.groupMinutes() + " min group");
        }
        if (week.family() > 0) {
            parts.add(week.family() + " x " + ModalityMix.FAMILY_SESSION_MINUTES + " min family");
        }
        return "(" + String.join(" + ", parts) + " = " + hours(week.hours()) + " h)";
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

    public static String hours(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }
}
