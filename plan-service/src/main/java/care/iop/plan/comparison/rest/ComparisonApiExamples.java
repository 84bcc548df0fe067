package care.iop.plan.comparison.rest;

/** Answer examples of the comparison's OpenAPI document (the figures of the worked example in docs/outcomes.md). */
public final class ComparisonApiExamples {
    /** The JSON answer, shortened to one view, two buckets and one difference. */
    public static final String COMPARISON = """
            {"instrument":"PHQ9","from":"2026-01-01","to":"2026-03-31","track":"ADULT_MH",
             "caution":"Observational data, not a trial: ...",
             "rules":{"scale":"SESSIONS","groupSessionMinutes":90,"buckets":["INDIVIDUAL","INDIVIDUAL_HEAVY","MIXED","GROUP_HEAVY"],
               "cutPoints":[0.25,0.45,0.65],"baselineDaysBefore":14,"baselineDaysAfter":7,"followUpMinimumDays":28,
               "followUp":"END_OF_EPISODE","outcome":"weekly","elevatedBaseline":10,"minCellSize":11,"blockMonths":3},
             "cohort":{"episodes":69,"analysed":36,"noBaseline":11,"leftEarly":11,"noFollowUp":11,"dropouts":11,
               "dropoutShare":{"estimate":0.159,"ci95Lower":0.091,"ci95Upper":0.264}},
             "exposures":[{"exposure":"PRESCRIBED",
               "buckets":[{"bucket":"INDIVIDUAL_HEAVY","suppressed":false,"counts":{"episodes":12,"analysed":12,"noBaseline":0,
                   "leftEarly":0,"noFollowUp":0,"dropouts":0,"dropoutShare":{"estimate":0.0,"ci95Lower":0.0,"ci95Upper":0.242}},
                   "n":12,"meanBaseline":13.0,"meanFollowUp":10.0,"meanChange":{"estimate":-3.0,"ci95Lower":-3.66,"ci95Upper":-2.34},
                   "response":{"eligible":12,"count":0,"share":0.0,"ci95Lower":0.0,"ci95Upper":0.242},"attendanceRate":1.0},
                 {"bucket":"MIXED","suppressed":true}],
               "differences":[{"reference":"INDIVIDUAL_HEAVY","bucket":"GROUP_HEAVY",
                   "meanChange":{"estimate":-12.0,"ci95Lower":-14.3,"ci95Upper":-9.7},
                   "adjustedForBaseline":{"estimate":-8.75,"ci95Lower":-9.67,"ci95Upper":-7.83},
                   "response":{"estimate":1.0,"ci95Lower":0.657,"ci95Upper":1.0}}],
               "model":{"n":36,"buckets":["INDIVIDUAL_HEAVY","GROUP_HEAVY","SWITCHED"],"baselineSlope":0.35,"residualDf":32,"exposureF":249.91,"exposureP":0.0,
                 "note":"track and level of care do not vary among these episodes: adjusted for the baseline only"}}],
             "switches":{"applicable":true,"rows":[{"direction":"ALL","n":12,
               "slopeBefore":{"estimate":-1.5,"ci95Lower":-2.24,"ci95Upper":-0.76},
               "slopeAfter":{"estimate":-2.5,"ci95Lower":-2.83,"ci95Upper":-2.17},
               "difference":{"estimate":-1.0,"ci95Lower":-1.94,"ci95Upper":-0.06}}]}}""";

    /** 400 naming the field. */
    public static final String BAD_PARAMETER = """
            {"type":"https://iop.care/problems/validation-error","title":"Invalid request","status":400,
             "detail":"instrument: must not be null","errors":[{"field":"instrument","message":"must not be null"}]}""";

    /** One line of the NDJSON export. */
    public static final String EXPORT_LINE = """
            {"row":1,"instrument":"PHQ9","admittedOn":"2025-11-20","dischargedOn":"2026-01-12","dischargeReason":"COMPLETED",
             "dropout":false,"track":"ADULT_MH","levelOfCare":"2.1","ageAtAdmission":36,"baseline":20,"baselineDay":0,
             "baselineOn":"2025-11-20","followUp":4,"followUpDay":53,"followUpOn":"2026-01-12","change":-16,"elevatedBaseline":true,
             "response":true,"remission":true,"prescribedBucket":"GROUP_HEAVY","prescribedGroupShare":0.857,
             "attendedBucket":"GROUP_HEAVY","attendedGroupShare":0.857,"sessionsAttended":4,"sessionsExpected":4}""";

    private ComparisonApiExamples() {
    }
}
