package care.iop.plan.risk.domain;

import java.util.List;

import care.iop.platform.problem.ProblemException;

/**
 * The C-SSRS screener: six yes/no items and the risk they make (domain.md). Item 1 wish to be dead, 2 non-specific
 * active suicidal thoughts, 3 thoughts with a method (no intent), 4 intent to act, 5 a specific plan with intent,
 * 6 suicidal behaviour (ever; when yes, whether within the past three months). The rule:
 * <ul>
 * <li>HIGH: any of items 3-5 yes, or item 6 yes within the past three months;</li>
 * <li>MODERATE: otherwise item 6 yes longer ago;</li>
 * <li>LOW: otherwise item 1 or 2 yes;</li>
 * <li>NONE: all six no.</li>
 * </ul>
 */
public final class CssrsScreener {
    public static final int ITEMS = 6;
    /** Item 6 (suicidal behaviour), index from 0. */
    public static final int BEHAVIOUR_ITEM = 5;

    private CssrsScreener() {
    }

    /**
     * The risk of one screen. 400 naming {@code answers} (not exactly six), {@code answers[i]} (missing) or
     * {@code withinPastThreeMonths} (missing although item 6 is yes, or given although it is no).
     */
    public static RiskLevel risk(List<Boolean> answers, Boolean withinPastThreeMonths) {
        validate(answers, withinPastThreeMonths);
        boolean behaviour = answers.get(BEHAVIOUR_ITEM);
        if (answers.get(2) || answers.get(3) || answers.get(4) || behaviour && withinPastThreeMonths) {
            return RiskLevel.HIGH;
        }
        if (behaviour) {
            return RiskLevel.MODERATE;
        }
        if (answers.get(0) || answers.get(1)) {
            return RiskLevel.LOW;
        }
        return RiskLevel.NONE;
    }

    private static void validate(List<Boolean> answers, Boolean withinPastThreeMonths) {
        if (answers == null || answers.size() != ITEMS) {
            throw ProblemException.invalidField("answers", "the C-SSRS screener needs exactly " + ITEMS + " yes/no answers, got "
                    + (answers == null ? 0 : answers.size()));
        }
        for (int i = 0; i < ITEMS; i++) {
            if (answers.get(i) == null) {
                throw ProblemException.invalidField("answers[" + i + "]", "item " + (i + 1) + " must be true (yes) or false (no)");
            }
        }
        if (answers.get(BEHAVIOUR_ITEM) && withinPastThreeMonths == null) {
            throw ProblemException.invalidField("withinPastThreeMonths", "required when item 6 (suicidal behaviour) is yes");
        }
        if (!answers.get(BEHAVIOUR_ITEM) && withinPastThreeMonths != null) {
            throw ProblemException.invalidField("withinPastThreeMonths", "only when item 6 (suicidal behaviour) is yes");
        }
    }
}
