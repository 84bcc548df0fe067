package care.iop.plan.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import care.iop.plan.risk.domain.CssrsScreener;
import care.iop.plan.risk.domain.RiskLevel;
import care.iop.platform.problem.ProblemException;

/** The C-SSRS screener's risk table (domain.md), every rule and every way the answers can be refused. */
class CssrsScreenerTest {

    @ParameterizedTest(name = "{0} within3m={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            // all no
            "NNNNNN, null, NONE",
            // items 1-2 only: low
            "YNNNNN, null, LOW", "NYNNNN, null, LOW", "YYNNNN, null, LOW",
            // any of items 3-5: high, whatever else
            "NNYNNN, null, HIGH", "NNNYNN, null, HIGH", "NNNNYN, null, HIGH", "YYYYYN, null, HIGH", "NNYNNY, false, HIGH",
            // item 6 within the past three months: high
            "NNNNNY, true, HIGH", "YYNNNY, true, HIGH",
            // item 6 longer ago: moderate (above low, below high)
            "NNNNNY, false, MODERATE", "YYNNNY, false, MODERATE" })
    void riskTable(String answers, Boolean withinPastThreeMonths, RiskLevel expected) {
        assertThat(CssrsScreener.risk(answers(answers), withinPastThreeMonths)).isEqualTo(expected);
    }

    @Test
    void onlyModerateAndHighNeedASafetyPlan() {
        assertThat(Arrays.stream(RiskLevel.values()).filter(RiskLevel::needsSafetyPlan)).containsExactly(RiskLevel.MODERATE, RiskLevel.HIGH);
    }

    @Test
    void exactlySixAnswers() {
        assertField(() -> CssrsScreener.risk(answers("YYNNN"), null), "answers");
        assertField(() -> CssrsScreener.risk(answers("YYNNNNN"), null), "answers");
        assertField(() -> CssrsScreener.risk(null, null), "answers");
    }

    @Test
    void everyAnswerPresent() {
        List<Boolean> answers = new ArrayList<>(answers("NNNNNN"));
        answers.set(3, null);
        assertField(() -> CssrsScreener.risk(answers, null), "answers[3]");
    }

    @Test
    void withinPastThreeMonthsRequiredExactlyWhenItemSixIsYes() {
        assertField(() -> CssrsScreener.risk(answers("NNNNNY"), null), "withinPastThreeMonths");
        assertField(() -> CssrsScreener.risk(answers("NNNNNN"), true), "withinPastThreeMonths");
        assertField(() -> CssrsScreener.risk(answers("YNNNNN"), false), "withinPastThreeMonths");
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly(field));
    }

    private static List<Boolean> answers(String yesNo) {
        return yesNo.chars().mapToObj(c -> c == 'Y').toList();
    }
}
