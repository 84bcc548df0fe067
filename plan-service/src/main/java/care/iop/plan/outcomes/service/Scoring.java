package care.iop.plan.outcomes.service;

import java.util.List;
import java.util.stream.Collectors;

import care.iop.plan.outcomes.domain.Instrument;
import care.iop.platform.problem.ProblemException;

/** Checks the answers of a questionnaire and computes its total, band and safety flag. */
public final class Scoring {
    /** PHQ-9 item 9 (thoughts of self-harm), index from 0. */
    public static final int PHQ9_SELF_HARM_ITEM = 8;

    /** The result of scoring one questionnaire. {@code safetyReason} is null when no flag is raised. */
    public record Score(int total, String band, boolean safetyFlag, String safetyReason) {
    }

    private Scoring() {
    }

    /** 400 naming {@code answers} (wrong count) or {@code answers[i]} (value not allowed for that item). */
    public static Score score(Instrument instrument, List<Integer> answers) {
        if (answers == null) {
            throw ProblemException.invalidField("answers", "must not be null");
        }
        if (answers.size() != instrument.items()) {
            throw ProblemException.invalidField("answers", instrument.displayName() + " needs exactly "
                    + instrument.items() + " answers, got " + answers.size());
        }
        int total = 0;
        for (int i = 0; i < answers.size(); i++) {
            Integer answer = answers.get(i);
            List<Integer> allowed = instrument.allowedValues(i);
            if (answer == null || !allowed.contains(answer)) {
                throw ProblemException.invalidField("answers[" + i + "]", "item " + (i + 1) + " of "
                        + instrument.displayName() + " must be one of "
                        + allowed.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            }
            total += instrument.itemScore(i, answer);
        }
        boolean flag = instrument == Instrument.PHQ9 && answers.get(PHQ9_SELF_HARM_ITEM) > 0;
        String reason = flag
                ? "PHQ-9 item 9 (thoughts of self-harm) answered " + answers.get(PHQ9_SELF_HARM_ITEM) + ": same-day review needed"
                : null;
        return new Score(total, instrument.band(total), flag, reason);
    }
}
