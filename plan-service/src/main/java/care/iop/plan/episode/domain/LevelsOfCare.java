package care.iop.plan.episode.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The ASAM levels of care the program knows, lowest first: 1 (outpatient), 2.1 (IOP), 2.5 (partial hospitalization). */
public final class LevelsOfCare {
    public static final List<String> ALL = List.of("1", "2.1", "2.5");

    private LevelsOfCare() {
    }

    /** Position from the lowest (0); -1 for an unknown level. */
    public static int rank(String level) {
        return ALL.indexOf(level);
    }

    /** True for a step down (e.g. 2.5 -> 2.1, 2.1 -> 1). */
    public static boolean isDownward(String from, String to) {
        return rank(to) < rank(from);
    }

    /** The levels above {@code level}, nearest first. */
    public static List<String> above(String level) {
        return ALL.subList(rank(level) + 1, ALL.size());
    }

    /** The levels below {@code level}, nearest first. */
    public static List<String> below(String level) {
        List<String> below = new ArrayList<>(ALL.subList(0, Math.max(0, rank(level))));
        Collections.reverse(below);
        return List.copyOf(below);
    }
}
