package care.iop.plan.discharge.rest;

/** Request and answer examples of the discharge-summary API's OpenAPI document ({@code DischargeSummaryTest} sends {@link #EDIT}). */
public final class DischargeApiExamples {
    /** A draft's aftercare plan and referrals (reason and date left out: the discharge event's stay). */
    public static final String EDIT = """
            {"aftercarePlan":"Weekly outpatient therapy (ASAM 1); continue sertraline 100 mg; PHQ-9 monthly with the primary care physician.",
             "referrals":[{"organisation":"Riverside Community Mental Health","service":"Outpatient CBT, weekly",
               "contact":"intake desk, 555-0142","date":"2026-12-21"},
              {"organisation":"988 Suicide & Crisis Lifeline","service":"Crisis line","contact":"call or text 988"}]}""";

    /** A clinician starting the summary before the discharge, with the planned reason and date. */
    public static final String START = """
            {"reason":"COMPLETED","dischargedOn":"2026-12-18",
             "aftercarePlan":"Step down to weekly outpatient therapy.","referrals":[]}""";

    /** 422 when the summary's reason differs from the discharge's. */
    public static final String REASON_MISMATCH = """
            {"type":"https://iop.care/problems/rule-violation","title":"Request breaks a business rule","status":422,
             "detail":"The patient was discharged with reason COMPLETED, the summary says OTHER: make them agree",
             "errors":[{"field":"reason","message":"The patient was discharged with reason COMPLETED, the summary says OTHER"}]}""";

    /** 409 on a change of a signed summary. */
    public static final String LOCKED = """
            {"type":"https://iop.care/problems/conflict","title":"Conflict","status":409,
             "detail":"The discharge summary 3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c was signed by test-clinician at 2026-12-19T15:02:11Z and is locked"}""";

    private DischargeApiExamples() {
    }
}
