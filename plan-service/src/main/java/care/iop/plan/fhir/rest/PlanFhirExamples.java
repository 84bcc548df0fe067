package care.iop.plan.fhir.rest;

/** QuestionnaireResponses to record, as a client sends them; PlanFhirDocumentationTest records each as it is. */
public final class PlanFhirExamples {
    /** A PHQ-9 to record (the placeholder patient is replaced by a known one in the test that sends it). */
    public static final String PHQ9_RESPONSE = """
            {"resourceType":"QuestionnaireResponse","questionnaire":"http://loinc.org/q/44249-1","status":"completed",\
            "subject":{"reference":"Patient/7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11"},"authored":"2026-12-01T10:00:00-05:00",\
            "item":[{"linkId":"1","answer":[{"valueInteger":1}]},{"linkId":"2","answer":[{"valueInteger":2}]},\
            {"linkId":"3","answer":[{"valueInteger":0}]},{"linkId":"4","answer":[{"valueInteger":1}]},\
            {"linkId":"5","answer":[{"valueInteger":1}]},{"linkId":"6","answer":[{"valueInteger":0}]},\
            {"linkId":"7","answer":[{"valueInteger":2}]},{"linkId":"8","answer":[{"valueInteger":1}]},\
            {"linkId":"9","answer":[{"valueInteger":0}]}]}""";

    public static final String DAST10_RESPONSE = """
            {"resourceType":"QuestionnaireResponse","questionnaire":"http://loinc.org/q/82666-9","status":"completed",\
            "subject":{"reference":"Patient/7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11"},"authored":"2026-12-01T10:00:00-05:00",\
            "item":[{"linkId":"1","answer":[{"valueInteger":1}]},{"linkId":"2","answer":[{"valueInteger":0}]},\
            {"linkId":"3","answer":[{"valueInteger":1}]},{"linkId":"4","answer":[{"valueInteger":0}]},\
            {"linkId":"5","answer":[{"valueInteger":0}]},{"linkId":"6","answer":[{"valueInteger":0}]},\
            {"linkId":"7","answer":[{"valueInteger":0}]},{"linkId":"8","answer":[{"valueInteger":0}]},\
            {"linkId":"9","answer":[{"valueInteger":0}]},{"linkId":"10","answer":[{"valueInteger":0}]}]}""";

    private PlanFhirExamples() {
    }
}
