package care.iop.session.fhir.rest;

/** Request and answer examples of the session-service FHIR endpoints, for the OpenAPI document (docs/fhir-session.md has more). */
final class FhirExamples {
    static final String BOOK = """
            {"resourceType":"Appointment","status":"booked",
             "slot":[{"reference":"Slot/9d3c1c52-6f7e-4b2a-8f51-3a0e2b7c4d10"}],
             "participant":[{"actor":{"reference":"Patient/3f0b6c1e-2d4a-4e8b-9c1d-7a2b5e9f0c33"},"status":"needs-action"}]}""";

    static final String CANCEL = """
            {"resourceType":"Appointment","id":"5b7f0d2e-1c3a-4e6f-9a8b-2d4c6e8f0a12","status":"cancelled",
             "cancelationReason":{"text":"Patient unwell"},
             "slot":[{"reference":"Slot/9d3c1c52-6f7e-4b2a-8f51-3a0e2b7c4d10"}],
             "participant":[{"actor":{"reference":"Patient/3f0b6c1e-2d4a-4e8b-9c1d-7a2b5e9f0c33"},"status":"accepted"},
                            {"actor":{"reference":"Practitioner/6a1c2f0e-8f0a-4c47-9a57-1d0c8f4b2e11"},"status":"accepted"}]}""";

    static final String APPOINTMENT = """
            {"resourceType":"Appointment","id":"5b7f0d2e-1c3a-4e6f-9a8b-2d4c6e8f0a12","meta":{"versionId":"2","lastUpdated":"2026-11-20T14:02:11.120Z"},
             "extension":[{"url":"https://iop.care/fhir/StructureDefinition/appointment-waitlist-position","valuePositiveInt":2}],
             "status":"waitlist","serviceType":[{"text":"Group psychotherapy"}],"description":"Relapse prevention",
             "start":"2026-12-01T09:00:00-05:00","end":"2026-12-01T12:00:00-05:00","minutesDuration":180,"created":"2026-11-20T09:02:11-05:00",
             "slot":[{"reference":"Slot/9d3c1c52-6f7e-4b2a-8f51-3a0e2b7c4d10"}],
             "participant":[{"actor":{"reference":"Patient/3f0b6c1e-2d4a-4e8b-9c1d-7a2b5e9f0c33"},"required":"required","status":"tentative"},
                            {"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"PPRF"}]}],
                             "actor":{"reference":"Practitioner/6a1c2f0e-8f0a-4c47-9a57-1d0c8f4b2e11"},"required":"required","status":"accepted"}]}""";

    static final String OUTCOME_422 = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing",
             "diagnostics":"One participant must be the Patient to book (actor Patient/<id>)","expression":["Appointment.participant"]}]}""";

    static final String OUTCOME_409 = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"conflict",
             "diagnostics":"Patient 3f0b6c1e-2d4a-4e8b-9c1d-7a2b5e9f0c33 is already BOOKED in session 9d3c1c52-6f7e-4b2a-8f51-3a0e2b7c4d10"}]}""";

    static final String OUTCOME_403 = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"forbidden",
             "diagnostics":"This interaction needs a SMART scope granting 'r' on Appointment (for example user/Appointment.r)"}]}""";

    static final String OUTCOME_404 = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found",
             "diagnostics":"Appointment/5b7f0d2e-1c3a-4e6f-9a8b-2d4c6e8f0a12 is not known"}]}""";

    static final String OUTCOME_400 = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid",
             "diagnostics":"Search parameter date must be a FHIR date with an optional prefix, got tomorrow","expression":["date"]}]}""";

    static final String OUTCOME_412 = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"conflict",
             "diagnostics":"If-Match names version 1 but the current version is 2"}]}""";

    private FhirExamples() {
    }
}
