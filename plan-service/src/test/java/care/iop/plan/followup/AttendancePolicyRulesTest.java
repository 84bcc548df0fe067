package care.iop.plan.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import care.iop.plan.followup.domain.AttendancePolicy;

/** The policy's window arithmetic without a service: "more than 6 missed sessions in 12 weeks". */
class AttendancePolicyRulesTest {
    static final AttendancePolicy POLICY = new AttendancePolicy(6, Period.ofWeeks(12));
    static final LocalDate D = LocalDate.of(2026, 9, 30);

    private static List<LocalDate> days(int... daysBeforeD) {
        List<LocalDate> days = new ArrayList<>();
        for (int before : daysBeforeD) {
            days.add(D.minusDays(before));
        }
        return days;
    }

    @Test
    void aWindowOf12WeeksCovers84ProgramDaysEndingOnTheLastOne() {
        assertThat(POLICY.windowStart(D)).isEqualTo(D.minusDays(83));
    }

    @Test
    void sixMissesInTheWindowAreNoBreachTheSeventhIs() {
        assertThat(POLICY.breachAround(days(83, 70, 56, 42, 28, 0), D)).isEmpty();
        assertThat(POLICY.breachAround(days(83, 70, 56, 42, 28, 0, 0), D))
                .contains(new AttendancePolicy.Breach(7, D.minusDays(83), D));
    }

    @Test
    void aMissExactly12WeeksBeforeIsOutsideOneDayLaterIsInside() {
        assertThat(POLICY.breachAround(days(84, 70, 56, 42, 28, 14, 0), D)).isEmpty();
        assertThat(POLICY.breachAround(days(83, 70, 56, 42, 28, 14, 0), D)).isPresent();
    }

    @Test
    void theOutcomeDoesNotDependOnWhichMissArrivedLast() {
        List<LocalDate> misses = days(60, 50, 40, 30, 20, 10, 0);
        // the miss 60 days before D arrives last: the windows ending on the later misses are looked at too
        assertThat(POLICY.breachAround(misses, D.minusDays(60))).contains(new AttendancePolicy.Breach(7, D.minusDays(83), D));
        List<LocalDate> shuffled = new ArrayList<>(misses);
        Collections.reverse(shuffled);
        assertThat(POLICY.breachAround(shuffled, D.minusDays(30))).isPresent();
    }

    @Test
    void onlyNoShowAndAbsentAreMissed() {
        assertThat(AttendancePolicy.missed("NO_SHOW")).isTrue();
        assertThat(AttendancePolicy.missed("ABSENT")).isTrue();
        for (String status : List.of("EXCUSED", "ATTENDED", "LATE", "LEFT_EARLY")) {
            assertThat(AttendancePolicy.missed(status)).as(status).isFalse();
        }
        assertThat(AttendancePolicy.missed(null)).isFalse();
    }

    @Test
    void theLimitAndTheWindowAreThePrograms() {
        AttendancePolicy strict = new AttendancePolicy(2, Period.ofWeeks(4));
        assertThat(strict.breachAround(days(27, 10, 0), D)).contains(new AttendancePolicy.Breach(3, D.minusDays(27), D));
        assertThat(strict.breachAround(days(28, 10, 0), D)).isEmpty();
    }
}
