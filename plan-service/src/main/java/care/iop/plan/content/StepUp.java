package care.iop.plan.content;

/**
 * The step a proposal suggests next: {@value #MODALITY} (toward group work: {@code to} is the next step, e.g. "mixed") or
 * {@value #LEVEL_OF_CARE} (a more intensive level: {@code to} is the level, e.g. "2.5", or null above 2.5), and when.
 */
public record StepUp(String kind, String to, String when) {
    public static final String MODALITY = "modality";
    public static final String LEVEL_OF_CARE = "level-of-care";
}
