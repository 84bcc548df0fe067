package care.iop.plan.comparison.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The small-cell rule (CMS: no cell of 1 to 10 patients), applied to every number the comparison releases. An
 * <em>atom</em> is the episodes admitted in one reporting block ({@link ReportingWindow}) on one track. A set of episodes
 * <em>passes</em> when, in every atom, it holds none or at least {@code threshold} of them. Then:
 * <ul>
 * <li>a figure describing a set (a mean, an interval, n) is released when the set is not empty and passes;</li>
 * <li>a count or share of a part of a set (exclusions, dropouts, responders) is released when the part and the rest
 * both pass (the count of the others could be derived from it);</li>
 * <li>a total is released when it passes and so does what is left of it after the parts released beside it.</li>
 * </ul>
 * Because windows are whole blocks and tracks are part of the atom, the difference between two answers for nested
 * windows, or between a track and all tracks, is a union of atom parts that each hold none or at least
 * {@code threshold} episodes: subtraction cannot isolate fewer than {@code threshold} patients.
 * <p>
 * The threshold is configurable (staff may choose a different one for internal quality work) but never below
 * {@value #EXTERNAL_FLOOR} for a caller outside the program, which here is anyone opening a signed chart link.
 */
public record SmallCells(int threshold, int blockMonths) {
    public static final int EXTERNAL_FLOOR = 11;

    public SmallCells {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        if (blockMonths < 1 || 12 % blockMonths != 0) {
            throw new IllegalArgumentException("block months must divide 12: " + blockMonths);
        }
    }

    /** The rule for a caller: the configured threshold, raised to {@value #EXTERNAL_FLOOR} for a caller outside the program. */
    public static SmallCells forCaller(int configured, int blockMonths, boolean external) {
        return new SmallCells(external ? Math.max(EXTERNAL_FLOOR, configured) : Math.max(1, configured), blockMonths);
    }

    /** The atom of an episode: its admission block and track. */
    public record Atom(LocalDate block, String track) {
    }

    public Atom atomOf(EpisodeFacts episode) {
        return new Atom(ReportingWindow.blockStart(episode.admittedOn(), blockMonths), episode.track());
    }

    /** True when every atom holds none or at least {@code threshold} of {@code set}. */
    public <T> boolean passes(Collection<T> set, Function<T, EpisodeFacts> facts) {
        Map<Atom, Integer> counts = new HashMap<>();
        set.forEach(item -> counts.merge(atomOf(facts.apply(item)), 1, Integer::sum));
        return counts.values().stream().allMatch(c -> c >= threshold);
    }

    /** A figure of {@code set}: not empty and passing. */
    public <T> boolean describes(Collection<T> set, Function<T, EpisodeFacts> facts) {
        return !set.isEmpty() && passes(set, facts);
    }

    /** A count or share of the {@code part} of {@code set}: the set, the part and the rest all pass. */
    public <T> boolean splits(Collection<T> set, Predicate<T> part, Function<T, EpisodeFacts> facts) {
        return passes(set, facts) && passes(set.stream().filter(part).toList(), facts)
                && passes(set.stream().filter(part.negate()).toList(), facts);
    }
}
