package care.iop.plan.comparison.domain;

import static care.iop.plan.comparison.domain.Episodes.EXPOSURES;
import static care.iop.plan.comparison.domain.Episodes.RULES;
import static care.iop.plan.comparison.domain.Episodes.STANDARD_IOP;
import static care.iop.plan.comparison.domain.Episodes.episode;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import care.iop.plan.outcomes.domain.Instrument;

/**
 * The small-cell rule at 10 and 11, its floor for callers outside the program, complements, and subtraction across
 * overlapping windows and between a track and all tracks.
 */
class SmallCellsTest {
    private static final SmallCells CELLS = new SmallCells(11, 3);
    private static final LocalDate Q1 = LocalDate.of(2026, 1, 5);
    private static final LocalDate Q2 = LocalDate.of(2026, 4, 6);

    /** {@code count} analysed standard-IOP episodes admitted on {@code admitted} on {@code track}: PHQ-9 20 → 8. */
    private static List<EpisodeFacts> group(int count, LocalDate admitted, String track) {
        List<EpisodeFacts> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            result.add(episode().admitted(admitted).track(track).plan(STANDARD_IOP).attendedWeek(0, STANDARD_IOP)
                    .score(0, 20).score(35, 8).discharged(35, "COMPLETED").build());
        }
        return result;
    }

    private static ModalityComparison compare(List<EpisodeFacts> episodes, ReportingWindow window, String track) {
        List<EpisodeFacts> inWindow = episodes.stream().filter(e -> window.contains(e.admittedOn()))
                .filter(e -> track == null || track.equals(e.track())).toList();
        return new ComparisonAnalysis(Instrument.PHQ9, RULES, EXPOSURES, CELLS).compare(window, track, inWindow, Q2.plusDays(200));
    }

    private static ModalityComparison.Bucket bucket(ModalityComparison c, Exposure view, String name) {
        return c.exposures().get(view.ordinal()).buckets().stream().filter(b -> b.bucket().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} episodes: withheld {1}")
    @CsvSource({ "10, true", "11, false" })
    void aCellOfTenIsWithheldAndACellOfElevenIsShown(int count, boolean withheld) {
        ModalityComparison c = compare(group(count, Q1, "ADULT_MH"), ReportingWindow.of(Q1, Q1, 3), null);
        ModalityComparison.Bucket b = bucket(c, Exposure.PRESCRIBED, "GROUP_HEAVY");
        assertThat(b.suppressed()).isEqualTo(withheld);
        assertThat(b.n()).isEqualTo(withheld ? null : 11);
        assertThat(c.cohort().episodes()).isEqualTo(withheld ? null : 11);
        if (!withheld) {
            assertThat(b.meanChange().estimate()).isEqualTo(-12.0);
            assertThat(b.response().share().estimate()).isEqualTo(1.0);
        }
    }

    @Test
    void aCountOfAPartIsWithheldWhenThePartOrTheRestIsASmallCell() {
        Function<EpisodeFacts, EpisodeFacts> same = f -> f;
        List<EpisodeFacts> set = group(25, Q1, "ADULT_MH");
        assertThat(CELLS.splits(set, e -> set.indexOf(e) < 11, same)).isTrue(); // 11 and 14
        assertThat(CELLS.splits(set, e -> set.indexOf(e) < 10, same)).isFalse(); // 10 and 15
        assertThat(CELLS.splits(set, e -> set.indexOf(e) < 15, same)).isFalse(); // 15 and 10
        assertThat(CELLS.splits(set, e -> true, same)).isTrue(); // 25 and 0
        assertThat(CELLS.passes(List.of(), same)).isTrue();
    }

    @Test
    void aCallerOutsideTheProgramNeverGetsAThresholdBelowEleven() {
        assertThat(SmallCells.forCaller(5, 3, false).threshold()).isEqualTo(5);
        assertThat(SmallCells.forCaller(5, 3, true).threshold()).isEqualTo(11);
        assertThat(SmallCells.forCaller(20, 3, true).threshold()).isEqualTo(20);
    }

    @Test
    void subtractingOverlappingWindowsCannotIsolateASmallCell() {
        // 11 episodes in the first quarter, 3 more in the second
        List<EpisodeFacts> episodes = new ArrayList<>(group(11, Q1, "ADULT_MH"));
        episodes.addAll(group(3, Q2, "ADULT_MH"));

        ModalityComparison firstQuarter = compare(episodes, ReportingWindow.of(Q1, Q1, 3), null);
        assertThat(bucket(firstQuarter, Exposure.PRESCRIBED, "GROUP_HEAVY").n()).isEqualTo(11);
        // the half year holds 14 (over 11), but "half year minus first quarter" would be the 3 of the second quarter: withheld
        ModalityComparison halfYear = compare(episodes, ReportingWindow.of(Q1, Q2, 3), null);
        assertThat(bucket(halfYear, Exposure.PRESCRIBED, "GROUP_HEAVY").suppressed()).isTrue();
        assertThat(halfYear.cohort().episodes()).isNull();
        // a window that starts or ends mid-quarter is widened to whole quarters: no window splits the second quarter's 3
        assertThat(ReportingWindow.of(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 3, 30), 3)).isEqualTo(ReportingWindow.of(Q1, Q1, 3));
        assertThat(ReportingWindow.of(Q1, Q2.plusDays(1), 3).to()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void subtractingATrackFromAllTracksCannotIsolateASmallCell() {
        List<EpisodeFacts> episodes = new ArrayList<>(group(12, Q1, "ADULT_MH"));
        episodes.addAll(group(4, Q1, "ADULT_SUD"));
        ReportingWindow quarter = ReportingWindow.of(Q1, Q1, 3);
        assertThat(bucket(compare(episodes, quarter, "ADULT_MH"), Exposure.PRESCRIBED, "GROUP_HEAVY").n()).isEqualTo(12);
        // all tracks: 16, but minus ADULT_MH's 12 it would be ADULT_SUD's 4
        assertThat(bucket(compare(episodes, quarter, null), Exposure.PRESCRIBED, "GROUP_HEAVY").suppressed()).isTrue();
    }

    @Test
    void aCohortTotalIsWithheldWhenTheBucketsReleasedBesideItWouldLeaveASmallCell() {
        // 12 GROUP_HEAVY and 5 MIXED episodes: the total of 17 minus the 12 shown would be the withheld 5
        List<EpisodeFacts> episodes = new ArrayList<>(group(12, Q1, "ADULT_MH"));
        for (int i = 0; i < 5; i++) {
            episodes.add(episode().admitted(Q1).plan(new care.iop.events.ModalityMix(4, 60, 6, 0)).score(0, 20).score(35, 8)
                    .discharged(35, "COMPLETED").build());
        }
        ModalityComparison c = compare(episodes, ReportingWindow.of(Q1, Q1, 3), null);
        assertThat(bucket(c, Exposure.PRESCRIBED, "MIXED").suppressed()).isTrue();
        assertThat(bucket(c, Exposure.PRESCRIBED, "GROUP_HEAVY").n()).isEqualTo(12);
        assertThat(c.cohort().episodes()).isNull();
        assertThat(c.cohort().suppressed()).contains("episodes", "analysed");
    }

    @Test
    void blocksFollowTheCalendar() {
        assertThat(ReportingWindow.blockStart(LocalDate.of(2026, 5, 17), 3)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(ReportingWindow.blockStart(LocalDate.of(2026, 12, 31), 12)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(ReportingWindow.of(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 11), 1))
                .isEqualTo(new ReportingWindow(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
        assertThat(ReportingWindow.of(null, null, 3)).isEqualTo(new ReportingWindow(null, null));
    }
}
