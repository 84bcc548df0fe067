package care.iop.plan.discharge.service;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.iop.plan.discharge.domain.InstrumentScores;
import care.iop.plan.outcomes.domain.Assessment;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.platform.time.ProgramTime;

/**
 * The scores of a discharge summary, per instrument, from the patient's stored assessments (days are program days):
 * <ul>
 * <li>admission (baseline): as domain.md defines it, the assessment taken from {@value #BASELINE_DAYS_BEFORE} days before
 * to {@value #BASELINE_DAYS_AFTER} days after the admission day, the nearest to it (a tie goes to the earlier one, taken
 * before treatment);</li>
 * <li>discharge: the latest assessment taken on or before the discharge day, at most {@code iop.discharge.discharge-score-window}
 * (30 days) before it, and after the admission score (the baseline itself is never reported as the discharge score).</li>
 * </ul>
 * An instrument without either is left out; one with only one of them reports the other as absent.
 */
public final class DischargeScores {
    public static final int BASELINE_DAYS_BEFORE = 14;
    public static final int BASELINE_DAYS_AFTER = 7;

    private final ProgramTime time;
    private final Period dischargeWindow;

    public DischargeScores(ProgramTime time, Period dischargeWindow) {
        this.time = time;
        this.dischargeWindow = dischargeWindow;
    }

    /** The first day whose assessments may count (for the query). */
    public LocalDate firstDay(LocalDate admittedOn, LocalDate dischargedOn) {
        LocalDate fromDischarge = dischargedOn.minus(dischargeWindow);
        return admittedOn == null ? fromDischarge : min(admittedOn.minusDays(BASELINE_DAYS_BEFORE), fromDischarge);
    }

    /** {@code assessments} of one patient (any order); {@code admittedOn} may be null (no admission scores then). */
    public List<InstrumentScores> of(List<Assessment> assessments, LocalDate admittedOn, LocalDate dischargedOn) {
        Map<Instrument, List<Assessment>> byInstrument = new EnumMap<>(Instrument.class);
        assessments.forEach(a -> byInstrument.computeIfAbsent(a.instrument, i -> new ArrayList<>()).add(a));
        List<InstrumentScores> result = new ArrayList<>();
        byInstrument.forEach((instrument, list) -> {
            Optional<Assessment> baseline = admittedOn == null ? Optional.empty() : baseline(list, admittedOn);
            Optional<Assessment> last = atDischarge(list, dischargedOn, baseline.orElse(null));
            if (baseline.isPresent() || last.isPresent()) {
                result.add(new InstrumentScores(instrument.name(), baseline.map(DischargeScores::score).orElse(null),
                        last.map(DischargeScores::score).orElse(null)));
            }
        });
        return result;
    }

    private Optional<Assessment> baseline(List<Assessment> list, LocalDate admittedOn) {
        LocalDate from = admittedOn.minusDays(BASELINE_DAYS_BEFORE);
        LocalDate to = admittedOn.plusDays(BASELINE_DAYS_AFTER);
        return list.stream().filter(a -> within(time.dayOf(a.takenAt), from, to))
                .min(Comparator.comparingLong((Assessment a) -> Math.abs(ChronoUnit.DAYS.between(admittedOn, time.dayOf(a.takenAt))))
                        .thenComparing(a -> a.takenAt).thenComparing(a -> a.id));
    }

    private Optional<Assessment> atDischarge(List<Assessment> list, LocalDate dischargedOn, Assessment baseline) {
        LocalDate from = dischargedOn.minus(dischargeWindow);
        return list.stream().filter(a -> within(time.dayOf(a.takenAt), from, dischargedOn))
                .filter(a -> baseline == null || a.takenAt.isAfter(baseline.takenAt))
                .max(Comparator.comparing((Assessment a) -> a.takenAt).thenComparing(a -> a.recordedAt).thenComparing(a -> a.id,
                        Comparator.<UUID>naturalOrder()));
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static InstrumentScores.Score score(Assessment a) {
        return new InstrumentScores.Score(a.id, a.total, a.band, a.takenAt);
    }
}
