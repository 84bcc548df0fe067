package care.iop.plan.risk.rest;

/** Request examples of the suicide-risk pathway's OpenAPI document (also what the documented-examples tests post). */
final class RiskApiExamples {
    static final String SCREEN_LOW = """
            {"patientId":"7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11","takenAt":"2026-12-01T14:30:00-05:00",\
            "answers":[true,true,false,false,false,false]}""";
    static final String SCREEN_BEHAVIOUR_LONG_AGO = """
            {"patientId":"7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11","flagId":"3a1f2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b",\
            "takenAt":"2026-12-01T14:30:00-05:00","answers":[true,false,false,false,false,true],"withinPastThreeMonths":false}""";
    static final String SAFETY_PLAN = """
            {"patientId":"7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11","screenId":"0b6f3f0e-2d7c-4c55-a0e4-5f2b8e6f9d10",\
            "warningSigns":["Not sleeping","Pulling away from friends"],\
            "internalCopingStrategies":["Going for a run","Listening to music"],\
            "peopleAndPlacesForDistraction":["Coffee shop on Main Street","Sister Ana"],\
            "peopleToAskForHelp":[{"name":"Ana (sister)","phone":"555-0100","crisisLine":false}],\
            "professionalsAndCrisisLines":[{"name":"Dr. Lee, IOP","phone":"555-0199","crisisLine":false},\
            {"name":"988 Suicide & Crisis Lifeline","phone":"988","crisisLine":true}],\
            "makingTheEnvironmentSafe":["Medications kept by Ana"],\
            "reasonsForLiving":["My daughter","Finishing school"]}""";
    static final String RESOLUTION = """
            {"screenId":"0b6f3f0e-2d7c-4c55-a0e4-5f2b8e6f9d10","safetyPlanId":"5c1e9a7b-8f4d-4e0a-9b3c-2d6f7a8e1c44"}""";
    static final String RESOLUTION_LOW = """
            {"screenId":"0b6f3f0e-2d7c-4c55-a0e4-5f2b8e6f9d10"}""";

    private RiskApiExamples() {
    }
}
