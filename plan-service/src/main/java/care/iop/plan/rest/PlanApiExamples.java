package care.iop.plan.rest;

/**
 * Request examples of the plan API's OpenAPI document. Every create, edit and switch example here must be accepted by
 * the rules (an adult at level 2.1 needs at least 9 h a week); {@code DocumentedExamplesTest} posts them.
 */
public final class PlanApiExamples {
    /** Group-heavy: 1 x 50 min individual + 8.5 h group = 9.33 h (adult minimum 9 h). */
    public static final String CREATE_GROUP_HEAVY = """
            {"patientId":"6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f","primaryClinicianId":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
             "levelOfCare":"2.1","startDate":"2026-11-30","durationWeeks":12,"reviewIntervalDays":30,
             "problems":[{"code":"F32.1","display":"Major depressive disorder, single episode, moderate"}],
             "goals":[{"description":"Reduce depressive symptoms","measure":{"instrument":"PHQ9","target":9,"dueDate":"2027-02-20"}}],
             "modality":{"individualSessionsPerWeek":1,"individualSessionMinutes":50,"groupHoursPerWeek":8.5,"familySessionsPerWeek":0},
             "rationale":"Comfortable in groups; weekly individual session for trauma work"}""";

    /** Individual-heavy: 6 x 60 min individual + 3 h group = 9 h, group introduced gradually. */
    public static final String CREATE_INDIVIDUAL_HEAVY = """
            {"patientId":"6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f","primaryClinicianId":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
             "levelOfCare":"2.1","startDate":"2026-11-30","durationWeeks":12,"reviewIntervalDays":14,
             "problems":[{"code":"F41.1","display":"Generalized anxiety disorder"}],
             "goals":[{"description":"Reduce anxiety symptoms","measure":{"instrument":"GAD7","target":9,"dueDate":"2027-02-20"}}],
             "modality":{"individualSessionsPerWeek":6,"individualSessionMinutes":60,"groupHoursPerWeek":3,"familySessionsPerWeek":0},
             "rationale":"Uncomfortable in groups: individual-heavy, one 3-hour group day to start; step up to 4 x 60 min + 5 h group after two weeks of attended groups"}""";

    /** No modality: the service proposes one. */
    public static final String CREATE_PROPOSED = """
            {"patientId":"6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f","primaryClinicianId":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
             "levelOfCare":"2.1","startDate":"2026-11-30","durationWeeks":12}""";

    /** Edit of problems, goals, rationale and dates. */
    public static final String EDIT = """
            {"startDate":"2026-11-30","durationWeeks":12,"reviewIntervalDays":30,
             "problems":[{"code":"F32.1","display":"Major depressive disorder, single episode, moderate"}],
             "goals":[{"description":"Sleep at least 6 hours a night"}],"rationale":"Adding a sleep goal"}""";

    /** Step up from individual-heavy to mixed: 4 x 60 min individual + 5 h group = 9 h. */
    public static final String SWITCH_STEP_UP = """
            {"modality":{"individualSessionsPerWeek":4,"individualSessionMinutes":60,"groupHoursPerWeek":5,"familySessionsPerWeek":0},
             "reason":"ready for group work: attended the introductory group for two weeks","effectiveFrom":"2026-12-07"}""";

    private PlanApiExamples() {
    }
}
