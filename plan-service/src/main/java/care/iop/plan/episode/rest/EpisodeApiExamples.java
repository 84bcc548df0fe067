package care.iop.plan.episode.rest;

/**
 * Request examples of the episode API's OpenAPI document; {@code EpisodeDocumentedExamplesTest} posts each of them (for an
 * adult at level 2.5 with group consent, admitted on 2026-11-30, whose current plan runs from that day) and expects it to
 * be accepted.
 */
public final class EpisodeApiExamples {
    /** Step down 2.5 -> 2.1 with a new mix that meets the 9 h adult minimum (1 x 50 min individual + 11 h group = 11.83 h). */
    public static final String STEP_DOWN = """
            {"toLevel":"2.1","effectiveOn":"2026-12-14","reason":"ASAM reassessment: stable for two weeks, ready for IOP",
             "modality":{"individualSessionsPerWeek":1,"individualSessionMinutes":50,"groupHoursPerWeek":11,"familySessionsPerWeek":0}}""";

    /** Step down 2.5 -> 2.1 tapering below the 9 h minimum (6 h): tolerated for iop.plan.step-down-tolerance. */
    public static final String STEP_DOWN_TAPERING = """
            {"toLevel":"2.1","effectiveOn":"2026-12-14","reason":"Tapering towards outpatient care over two weeks",
             "modality":{"individualSessionsPerWeek":1,"individualSessionMinutes":60,"groupHoursPerWeek":5,"familySessionsPerWeek":0}}""";

    private EpisodeApiExamples() {
    }
}
