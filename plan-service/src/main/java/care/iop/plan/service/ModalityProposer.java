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
 */
@ApplicationScoped
public class ModalityProposer {
    /** Target hours for a level without a configured minimum (level 1 outpatient). */
    static final double OUTPATIENT_TARGET_HOURS = 3;
    static final int MAX_INDIVIDUAL_ONLY_SESSIONS = 5;

    public record Proposal(ModalityMix mix, String rationale) {
    }

    public Proposal propose(KnownPatient patient, String levelOfCare, double minimumHours, boolean groupConsent) {
        List<String> why = new ArrayList<>();
        int score = comfortScore(patient.groupComfort, why) + preferenceShift(patient.preferredModality, why);
        score = Math.max(0, Math.min(2, score));
        double target = minimumHours > 0 ? minimumHours : OUTPATIENT_TARGET_HOURS;
        why.add(minimumHours > 0
                ? String.format(Locale.ROOT, "level of care %s needs at least %s h a week", levelOfCare, hours(minimumHours))
                : String.format(Locale.ROOT, "level of care %s has no weekly minimum; aiming at %s h", levelOfCare, hours(target)));
        int family = patient.isAdolescent() ? 1 : 0;
        if (family > 0) {
            why.add("adolescent track: one family session a week");
        }
        if (!groupConsent) {
            int sessions = (int) Math.min(MAX_INDIVIDUAL_ONLY_SESSIONS, Math.max(1, Math.ceil(target - family * 50 / 60.0)));
            why.add("no active GROUP_PARTICIPATION consent: individual therapy only (" + sessions + " x 60 min)");
            return finish(new ModalityMix(sessions, 60, 0, family), target, why, patient);
        }
        int individualSessions;
        int individualMinutes;
        switch (score) {
            case 2 -> {
                individualSessions = 1;
                individualMinutes = 50;
                why.add("group-heavy: one individual session, the rest in groups");
            }
            case 1 -> {
                individualSessions = 2;
                individualMinutes = 50;
                why.add("balanced: two individual sessions, groups for the rest");
            }
            default -> {
                individualSessions = 3;
                individualMinutes = 60;
                why.add("individual-heavy: three individual sessions; group introduced gradually, only the hours needed to reach the"
                        + " weekly target (raise them with a modality switch as comfort grows)");
            }
        }
        double fixed = individualSessions * individualMinutes / 60.0 + family * 50 / 60.0;
        double group = Math.max(0, Math.ceil((target - fixed) * 2) / 2.0);
        return finish(new ModalityMix(individualSessions, individualMinutes, group, family), target, why, patient);
    }

    private static Proposal finish(ModalityMix mix, double target, List<String> why, KnownPatient patient) {
        if ("ADULT_SUD".equals(patient.track) && mix.groupHoursPerWeek() > 0) {
            why.add("substance-use track: schedule the hours as at least 3 h on at least 3 days (H0015)");
        }
        why.add(String.format(Locale.ROOT, "planned %s h a week%s", hours(mix.weeklyHours()),
                mix.weeklyHours() + 1e-9 < target ? ", below the target: a belowMinimumJustification is needed" : ""));
        return new Proposal(mix, "Proposed: " + String.join("; ", why) + ".");
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
