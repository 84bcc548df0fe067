package care.iop.plan.followup.rest;

/** The examples of the follow-up API's OpenAPI document (request and answers), in one place. */
final class FollowUpApiExamples {
    static final String COMPLETION = """
            {"note":"Reached the patient by phone: missed the group for a family emergency; attends Tuesday's group."}""";

    static final String TASK = """
            {"id":"5b1f0c2e-8d3a-4f6b-9c7e-1a2b3c4d5e6f","patientId":"7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11",
             "kind":"NO_SHOW_FOLLOW_UP","sessionId":"0b6f2a7e-3c1d-4f5e-8a9b-1c2d3e4f5a6b",
             "sessionStart":"2026-12-04T23:30:00-05:00","assignedClinicianId":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
             "dueOn":"2026-12-07","dueAt":"2026-12-08T00:00:00-05:00","overdue":false,"status":"OPEN",
             "openedAt":"2026-12-05T04:35:10Z","version":0}""";


    static final String NOTE_MISSING = """
            {"type":"https://iop.care/problems/validation-error","title":"Invalid request","status":400,
             "detail":"note: must not be blank","instance":"/api/v1/follow-ups/5b1f0c2e-8d3a-4f6b-9c7e-1a2b3c4d5e6f/completion",
             "errors":[{"field":"note","message":"must not be blank"}]}""";

    static final String NOT_OPEN = """
            {"type":"https://iop.care/problems/conflict","title":"Conflict","status":409,
             "detail":"Follow-up task 5b1f0c2e-8d3a-4f6b-9c7e-1a2b3c4d5e6f is DONE, not OPEN: only an open task is completed",
             "instance":"/api/v1/follow-ups/5b1f0c2e-8d3a-4f6b-9c7e-1a2b3c4d5e6f/completion"}""";

    private FollowUpApiExamples() {
    }
}
