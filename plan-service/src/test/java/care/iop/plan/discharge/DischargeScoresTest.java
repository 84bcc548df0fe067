package care.iop.plan.discharge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import care.iop.plan.discharge.domain.InstrumentScores;
import care.iop.plan.discharge.service.DischargeScores;
import care.iop.plan.outcomes.domain.Assessment;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.platform.time.ProgramTime;

/** The windows of the admission and discharge scores, at their exact boundaries, in the program's time zone. */
class DischargeScoresTest {
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final LocalDate ADMITTED = LocalDate.parse("2026-10-01");
    static final LocalDate DISCHARGED = LocalDate.parse("2026-12-10");
    final DischargeScores scores = new DischargeScores(new ProgramTime(ZONE, Clock.fixed(Instant.parse("2026-12-20T12:00:00Z"), ZONE)),
            Period.ofDays(30));

    @Test
    void theBaselineIsTheNearestToAdmissionFrom14DaysBeforeTo7DaysAfter() {
        // 15 days before and 8 days after are outside the window: no admission score
        assertThat(scores.of(List.of(phq(ADMITTED.minusDays(15), 20), phq(ADMITTED.plusDays(8), 19)), ADMITTED, ADMITTED.plusDays(9)))
                .singleElement().satisfies(s -> assertThat(s.admission()).isNull());
        // exactly 14 days before is inside
        assertThat(admission(List.of(phq(ADMITTED.minusDays(14), 20)))).isEqualTo(20);
        // exactly 7 days after is inside
        assertThat(admission(List.of(phq(ADMITTED.plusDays(7), 17)))).isEqualTo(17);
        // the nearest wins: 3 days before over 5 after; a tie (2 before, 2 after) goes to the earlier one
        assertThat(admission(List.of(phq(ADMITTED.plusDays(5), 15), phq(ADMITTED.minusDays(3), 18)))).isEqualTo(18);
        assertThat(admission(List.of(phq(ADMITTED.plusDays(2), 11), phq(ADMITTED.minusDays(2), 12)))).isEqualTo(12);
    }

    @Test
    void theDischargeScoreIsTheLatestOnOrBeforeTheDischargeDayWithin30DaysAndAfterTheBaseline() {
        // 23:59 on the discharge day (program zone) counts; 00:00 the next day does not
        Assessment lastMinute = phq(DISCHARGED, LocalTime.of(23, 59), 6);
        Assessment nextDay = phq(DISCHARGED.plusDays(1), LocalTime.MIDNIGHT, 3);
        assertThat(discharge(List.of(phq(DISCHARGED.minusDays(5), 9), lastMinute, nextDay), ADMITTED)).isEqualTo(6);
        // exactly 30 days before is inside, 31 is not
        assertThat(discharge(List.of(phq(DISCHARGED.minusDays(30), 8)), ADMITTED)).isEqualTo(8);
        assertThat(scores.of(List.of(phq(DISCHARGED.minusDays(31), 8)), null, DISCHARGED)).isEmpty();
        // a short stay: the baseline is never also the discharge score
        LocalDate admitted = DISCHARGED.minusDays(10);
        InstrumentScores only = scores.of(List.of(phq(admitted, 16)), admitted, DISCHARGED).get(0);
        assertThat(only.admission().total()).isEqualTo(16);
        assertThat(only.discharge()).isNull();
        assertThat(only.change()).isNull();
    }

    @Test
    void eachInstrumentIsReportedOnItsOwn() {
        List<InstrumentScores> result = scores.of(List.of(phq(ADMITTED, 18), phq(DISCHARGED, 6), gad(ADMITTED.plusDays(1), 12)), ADMITTED,
                DISCHARGED);
        assertThat(result).extracting(InstrumentScores::instrument).containsExactly("PHQ9", "GAD7");
        assertThat(result.get(0).change()).isEqualTo(-12);
        assertThat(result.get(1).discharge()).isNull();
    }

    private Integer admission(List<Assessment> list) {
        InstrumentScores.Score score = scores.of(list, ADMITTED, ADMITTED.plusDays(60)).get(0).admission();
        return score == null ? null : score.total();
    }

    private Integer discharge(List<Assessment> list, LocalDate admitted) {
        InstrumentScores.Score score = scores.of(list, admitted, DISCHARGED).get(0).discharge();
        return score == null ? null : score.total();
    }

    private static Assessment phq(LocalDate day, int total) {
        return phq(day, LocalTime.NOON, total);
    }

    private static Assessment phq(LocalDate day, LocalTime at, int total) {
        return assessment(Instrument.PHQ9, OffsetDateTime.of(day.atTime(at), ZONE.getRules().getOffset(day.atTime(at))), total);
    }

    private static Assessment gad(LocalDate day, int total) {
        return assessment(Instrument.GAD7, day.atTime(LocalTime.NOON).atZone(ZONE).toOffsetDateTime(), total);
    }

    private static Assessment assessment(Instrument instrument, OffsetDateTime takenAt, int total) {
        Assessment a = new Assessment();
        a.id = UUID.randomUUID();
        a.instrument = instrument;
        a.total = total;
        a.band = instrument.band(total);
        a.takenAt = takenAt;
        a.recordedAt = takenAt;
        return a;
    }
}
