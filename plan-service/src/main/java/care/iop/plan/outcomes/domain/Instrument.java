package care.iop.plan.outcomes.domain;

import java.util.List;

/**
 * The standardized questionnaires this service scores: number of items, allowed answer values per
 * item, LOINC code of the total score (where one is defined) and the severity bands of the total.
 */
public enum Instrument {
    /** Patient Health Questionnaire-9 (depression): 9 items scored 0-3. */
    PHQ9("PHQ-9", "44261-6", 9, List.of(
            new Band("MINIMAL", 0, 4), new Band("MILD", 5, 9), new Band("MODERATE", 10, 14),
            new Band("MODERATELY_SEVERE", 15, 19), new Band("SEVERE", 20, 27))),
    /** Generalized Anxiety Disorder-7: 7 items scored 0-3. */
    GAD7("GAD-7", "70274-6", 7, List.of(
            new Band("MINIMAL", 0, 4), new Band("MILD", 5, 9), new Band("MODERATE", 10, 14), new Band("SEVERE", 15, 21))),
    /** Alcohol Use Disorders Identification Test: items 1-8 scored 0-4, items 9-10 scored 0, 2 or 4. */
    AUDIT("AUDIT", "75624-7", 10, List.of(
            new Band("LOW_RISK", 0, 7), new Band("HAZARDOUS", 8, 15), new Band("HARMFUL", 16, 19),
            new Band("POSSIBLE_DEPENDENCE", 20, 40))),
    /**
     * Drug Abuse Screening Test-10: 10 yes/no items, answered 1 (yes) or 0 (no); a yes scores 1, except item 3 ("Are you
     * always able to stop using drugs when you want to?"), which is reverse-scored: a no scores 1 ({@link #itemScore}).
     */
    DAST10("DAST-10", null, 10, List.of(
            new Band("NONE", 0, 0), new Band("LOW", 1, 2), new Band("MODERATE", 3, 5), new Band("SUBSTANTIAL", 6, 8),
            new Band("SEVERE", 9, 10)));

    /** One severity band: a name and its inclusive total range. */
    public record Band(String name, int min, int max) {
    }

    private final String displayName;
    private final String loinc;
    private final int items;
    private final List<Band> bands;

    Instrument(String displayName, String loinc, int items, List<Band> bands) {
        this.displayName = displayName;
        this.loinc = loinc;
        this.items = items;
        this.bands = bands;
    }

    public String displayName() {
        return displayName;
    }

    /** LOINC code of the total score, or null where none is used. */
    public String loinc() {
        return loinc;
    }

    public int items() {
        return items;
    }

    public List<Band> bands() {
        return bands;
    }

    /** The values item {@code index} (from 0) accepts. */
    public List<Integer> allowedValues(int index) {
        return switch (this) {
            case PHQ9, GAD7 -> List.of(0, 1, 2, 3);
            case AUDIT -> index < 8 ? List.of(0, 1, 2, 3, 4) : List.of(0, 2, 4);
            case DAST10 -> List.of(0, 1);
        };
    }

    /** DAST-10 item 3 (index from 0), the reverse-scored one. */
    public static final int DAST10_REVERSED_ITEM = 2;

    /**
     * What answer {@code answer} to item {@code index} (from 0) adds to the total: the answer itself, except DAST-10 item 3,
     * where a no (0) scores 1 and a yes (1) scores 0. Applied twice it gives the answer back.
     */
    public int itemScore(int index, int answer) {
        return this == DAST10 && index == DAST10_REVERSED_ITEM ? 1 - answer : answer;
    }

    public int maxTotal() {
        return bands.get(bands.size() - 1).max();
    }

    public String band(int total) {
        for (Band band : bands) {
            if (total >= band.min() && total <= band.max()) {
                return band.name();
            }
        }
        throw new IllegalArgumentException(this + " total out of range: " + total);
    }

    /** Remission (total below 5) is defined for PHQ-9 and GAD-7 only. */
    public boolean definesRemission() {
        return this == PHQ9 || this == GAD7;
    }

    public static final int REMISSION_BELOW = 5;
}
