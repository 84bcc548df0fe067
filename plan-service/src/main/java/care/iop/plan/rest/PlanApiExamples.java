package care.iop.plan.rest;

/**
 * Request examples of the plan API's OpenAPI document. Every create, edit and switch example here must be accepted by
 * the rules (an adult at level 2.1 needs at least 9 h a week); {@code DocumentedExamplesTest} posts them.
 */
public final class PlanApiExamples {
    /**
     * Problem -> goal -> objectives -> interventions; no modality: it follows from the interventions
     * (1 x 50 min individual + 3 x 180 min group = 9.83 h).
     */
    public static final String CREATE_STRUCTURED = """
            {"patientId":"6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f","primaryClinicianId":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
             "levelOfCare":"2.1","startDate":"2026-11-30","durationWeeks":12,"reviewIntervalDays":30,
             "problems":[{"id":"P1","code":"F32.1","display":"Major depressive disorder, single episode, moderate",
               "patientWords":"I can't get out of bed and I've stopped seeing my friends",
               "goals":[{"id":"G1","description":"Mood lifts enough to go back to work",
                 "objectives":[
                   {"id":"O1","description":"PHQ-9 below 10 by week 6","kind":"SCORE","instrument":"PHQ9","target":9,"targetDate":"2027-01-11"},
                   {"id":"O2","description":"Attends 3 groups a week for 4 weeks","kind":"ATTENDANCE","sessionsPerWeek":3,"weeks":4,
                    "modality":"group","targetDate":"2026-12-28"},
                   {"id":"O3","description":"Calls a friend twice a week","kind":"BEHAVIOUR",
                    "behaviour":"calls or meets a friend at least twice a week, in the mood diary","targetDate":"2027-02-22"}]}]}],
             "interventions":[
               {"id":"I1","modality":"individual","description":"CBT for depression, behavioural activation","sessionsPerWeek":1,
                "minutesPerSession":50,"objectiveIds":["O1","O3"]},
               {"id":"I2","modality":"group","description":"Process and skills groups (three 3-hour program days)","sessionsPerWeek":3,
                "minutesPerSession":180,"objectiveIds":["O1","O2"]}],
             "rationale":"Comfortable in groups; weekly individual session for behavioural activation"}""";

    /** Individual-heavy as interventions: 5 x 60 min individual (one a day) + 3 x 90 min group = 9.5 h, group introduced gradually. */
    public static final String CREATE_INDIVIDUAL_HEAVY = """
            {"patientId":"6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f","primaryClinicianId":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
             "levelOfCare":"2.1","startDate":"2026-11-30","durationWeeks":12,"reviewIntervalDays":14,
             "problems":[{"code":"F41.1","display":"Generalized anxiety disorder","patientWords":"I worry all the time and can't sit in a room full of people",
               "goals":[{"id":"G1","description":"Anxiety no longer stops daily life",
                 "objectives":[{"id":"O1","description":"GAD-7 below 10 by week 8","kind":"SCORE","instrument":"GAD7","target":9,
                   "targetDate":"2027-01-25"}]}]}],
             "interventions":[
               {"modality":"individual","description":"CBT for anxiety, exposure work","sessionsPerWeek":5,"minutesPerSession":60,"objectiveIds":["O1"]},
               {"modality":"group","description":"Introductory skills group","sessionsPerWeek":3,"minutesPerSession":90,"objectiveIds":["O1"]}],
             "rationale":"Uncomfortable in groups: individual-heavy, one group a program day to start; step up to 4 x 60 min + 4 x 90 min group after two weeks of attended groups"}""";

    /** An older client's request: a modality and no interventions (one intervention per modality is derived from it). */
    public static final String CREATE_MODALITY_ONLY = """
            {"patientId":"6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f","primaryClinicianId":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
             "levelOfCare":"2.1","startDate":"2026-11-30","durationWeeks":12,"reviewIntervalDays":30,
             "problems":[{"code":"F32.1","display":"Major depressive disorder, single episode, moderate"}],
             "goals":[{"description":"Reduce depressive symptoms","measure":{"instrument":"PHQ9","target":9,"dueDate":"2027-02-20"}}],
             "modality":{"individualSessionsPerWeek":1,"individualSessionMinutes":50,"groupHoursPerWeek":8.5,"familySessionsPerWeek":0},
             "rationale":"Comfortable in groups; weekly individual session for trauma work"}""";

    /** No modality and no interventions: the service proposes the interventions. */
    public static final String CREATE_PROPOSED = """
            {"patientId":"6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f","primaryClinicianId":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
             "levelOfCare":"2.1","startDate":"2026-11-30","durationWeeks":12}""";

    /** Edit of problems, goals, rationale and dates (interventions left out: unchanged). */
    public static final String EDIT = """
            {"startDate":"2026-11-30","durationWeeks":12,"reviewIntervalDays":30,
             "problems":[{"code":"F32.1","display":"Major depressive disorder, single episode, moderate"}],
             "goals":[{"description":"Sleep at least 6 hours a night"}],"rationale":"Adding a sleep goal"}""";

    /** An objective's status recorded at a review: the problems are sent whole, with the objective's new status. */
    public static final String EDIT_OBJECTIVE_STATUS = """
            {"startDate":"2026-11-30","durationWeeks":12,"reviewIntervalDays":30,
             "problems":[{"id":"P1","code":"F32.1","display":"Major depressive disorder, single episode, moderate",
               "goals":[{"id":"G1","description":"Mood lifts enough to go back to work",
                 "objectives":[{"id":"O1","description":"PHQ-9 below 10 by week 6","kind":"SCORE","instrument":"PHQ9","target":9,
                   "targetDate":"2027-01-11","status":"met"}]}]}],
             "goals":[],"rationale":"PHQ-9 8 at the week-6 review: objective met"}""";

    /** Step up from individual-heavy to mixed: 4 x 60 min individual + 5 h group = 9 h. */
    public static final String SWITCH_STEP_UP = """
            {"modality":{"individualSessionsPerWeek":4,"individualSessionMinutes":60,"groupHoursPerWeek":5,"familySessionsPerWeek":0},
             "reason":"ready for group work: attended the introductory group for two weeks","effectiveFrom":"2026-12-07"}""";

    /** The same step up named as interventions: 4 x 60 min individual + 4 x 90 min group = 10 h (the mix follows). */
    public static final String SWITCH_STEP_UP_INTERVENTIONS = """
            {"interventions":[
               {"modality":"individual","description":"CBT, exposure work","sessionsPerWeek":4,"minutesPerSession":60},
               {"modality":"group","description":"Skills and process groups","sessionsPerWeek":4,"minutesPerSession":90}],
             "reason":"ready for group work: attended the introductory group for two weeks","effectiveFrom":"2026-12-07"}""";

    private PlanApiExamples() {
    }
}
