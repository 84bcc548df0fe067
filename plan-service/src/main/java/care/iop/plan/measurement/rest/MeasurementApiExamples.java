package care.iop.plan.measurement.rest;

/**
 * Examples of the measurement API's OpenAPI document; {@code AssessmentScheduleTest} sends the request examples and
 * expects them accepted.
 */
public final class MeasurementApiExamples {
    /** PHQ-9 weekly (the plan's own), AUDIT not scheduled; GAD-7 and DAST-10 keep their defaults. */
    public static final String WEEKLY_PHQ9 = """
            {"entries":[{"instrument":"PHQ9","rule":"EVERY_DAYS","everyDays":7},{"instrument":"AUDIT","rule":"NOT_SCHEDULED"}]}""";

    /** Back to the defaults for every instrument. */
    public static final String DEFAULTS = """
            {"entries":[]}""";

    public static final String SCHEDULE = """
            {"planId":"5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e","revision":1,"entries":[
             {"instrument":"PHQ9","rule":"EVERY_DAYS","everyDays":7,"source":"PLAN"},
             {"instrument":"GAD7","rule":"EVERY_DAYS","everyDays":14,"source":"DEFAULT"},
             {"instrument":"AUDIT","rule":"NOT_SCHEDULED","source":"PLAN"},
             {"instrument":"DAST10","rule":"INTAKE_AND_DISCHARGE","source":"DEFAULT"}]}""";

    public static final String INVALID_INTERVAL = """
            {"type":"https://iop.care/problems/validation-error","title":"Invalid request","status":400,
             "detail":"entries[0].everyDays: must be between 7 and 14 (every 1 to 2 weeks)",
             "errors":[{"field":"entries[0].everyDays","message":"must be between 7 and 14 (every 1 to 2 weeks)"}]}""";

    public static final String INTERVAL_FOR_AUDIT = """
            {"type":"https://iop.care/problems/rule-violation","title":"Request breaks a business rule","status":422,
             "detail":"AUDIT asks about the past 12 months: schedule it INTAKE_AND_DISCHARGE (or NOT_SCHEDULED), not on an interval",
             "errors":[{"field":"entries[1].rule","message":"AUDIT asks about the past 12 months: schedule it INTAKE_AND_DISCHARGE (or NOT_SCHEDULED), not on an interval"}]}""";

    public static final String DUE_LIST = """
            [{"patientId":"6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f","planId":"5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e","instrument":"PHQ9",
              "dueOn":"2026-12-14","lastOnTimeDay":"2026-12-14","overdue":true,"lastTakenAt":"2026-11-30T10:00:00-05:00",
              "action":{"method":"POST","href":"/api/v1/assessments"}},
             {"patientId":"6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f","planId":"5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e","instrument":"AUDIT",
              "dueOn":"2026-11-30","lastOnTimeDay":"2026-12-07","overdue":false,
              "action":{"method":"POST","href":"/api/v1/assessments"}}]""";

    private MeasurementApiExamples() {
    }
}
