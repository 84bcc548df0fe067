package care.iop.plan.outcomes.service;

/**
 * The mix a patient actually attended: the share of attended minutes that were group therapy.
 * Below one third MOSTLY_INDIVIDUAL, above two thirds MOSTLY_GROUP, otherwise (both limits included)
 * MIXED. Family sessions count as non-group minutes.
 */
public enum ModalityBucket {
    MOSTLY_INDIVIDUAL, MIXED, MOSTLY_GROUP;

    /** Exact integer comparison, so a share of exactly 1/3 or 2/3 is MIXED. */
    public static ModalityBucket of(long groupMinutes, long attendedMinutes) {
        if (attendedMinutes <= 0) {
            throw new IllegalArgumentException("no attended minutes");
        }
        if (3 * groupMinutes < attendedMinutes) {
            return MOSTLY_INDIVIDUAL;
        }
        if (3 * groupMinutes > 2 * attendedMinutes) {
            return MOSTLY_GROUP;
        }
        return MIXED;
    }
}
