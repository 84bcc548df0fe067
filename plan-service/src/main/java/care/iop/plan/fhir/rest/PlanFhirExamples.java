package care.iop.plan.fhir.rest;

/**
 * Examples of the FHIR faces' bodies, for their annotations (the FHIR faces stay out of the OpenAPI document; their
 * contract is the CapabilityStatement and docs/fhir.md); the request examples are sent as they are by a test.
 */
public final class PlanFhirExamples {
    static final String CARE_PLAN = """
            {"resourceType":"CarePlan","id":"9b0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a22","meta":{"versionId":"4",\
            "lastUpdated":"2026-12-02T10:30:00.000+00:00","profile":["http://hl7.org/fhir/us/core/StructureDefinition/us-core-careplan"]},\
            "text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\"><p>Treatment plan, level of care 2.1 (active),\
             2026-11-30 to 2027-02-22</p><p>Goal: Reduce depressive symptoms</p></div>"},"status":"active","intent":"plan",\
            "category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/careplan-category","code":"assess-plan"}]}],\
            "title":"Treatment plan, level of care 2.1","description":"Comfortable in groups",\
            "subject":{"reference":"Patient/7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11"},"period":{"start":"2026-11-30","end":"2027-02-22"},\
            "author":{"reference":"Practitioner/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"},\
            "addresses":[{"display":"F32.1 Major depressive disorder, single episode, moderate"}],\
            "goal":[{"reference":"Goal/9b0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a22.G1"}],\
            "activity":[{"detail":{"code":{"text":"Group psychotherapy"},"goal":[{"reference":"Goal/9b0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a22.G1"}],\
            "status":"in-progress","scheduledTiming":{"repeat":{"duration":180,"durationUnit":"min","frequency":3,"period":1,"periodUnit":"wk"}},\
            "performer":[{"reference":"Practitioner/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}],"description":"CBT skills group"}}]}""";

    static final String GOAL = """
            {"resourceType":"Goal","id":"9b0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a22.G1","meta":{"versionId":"4",\
            "profile":["http://hl7.org/fhir/us/core/StructureDefinition/us-core-goal"]},"lifecycleStatus":"active",\
            "achievementStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/goal-achievement","code":"in-progress"}]},\
            "description":{"text":"Reduce depressive symptoms"},"subject":{"reference":"Patient/7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11"},\
            "startDate":"2026-11-30","target":[{"measure":{"coding":[{"system":"http://loinc.org","code":"44261-6"}],\
            "text":"PHQ-9 below 10 by week 6"},"detailQuantity":{"value":9,"comparator":"<=","unit":"score",\
            "system":"http://unitsofmeasure.org","code":"1"},"dueDate":"2027-01-11"}],\
            "addresses":[{"display":"F32.1 Major depressive disorder, single episode, moderate"}],\
            "note":[{"text":"Objective O1 (in-progress): PHQ-9 below 10 by week 6"}]}""";

    static final String OBSERVATION = """
            {"resourceType":"Observation","id":"3f0b6a5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b","meta":{"versionId":"0",\
            "profile":["http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-screening-assessment"]},"status":"final",\
            "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"survey"}]}],\
            "code":{"coding":[{"system":"http://loinc.org","code":"44261-6",\
            "display":"Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"}],"text":"PHQ-9 total score"},\
            "subject":{"reference":"Patient/7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11"},"effectiveDateTime":"2026-12-01T15:00:00.000+00:00",\
            "issued":"2026-12-01T15:05:00.000+00:00","performer":[{"reference":"Patient/7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11"}],\
            "valueInteger":9,"note":[{"text":"Severity: Mild"}],\
            "derivedFrom":[{"reference":"QuestionnaireResponse/3f0b6a5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"}]}""";

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

    static final String FLAG = """
            {"resourceType":"Flag","id":"5d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a","meta":{"versionId":"0"},"status":"active",\
            "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/flag-detail",\
            "valueReference":{"reference":"Observation/3f0b6a5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"}}],\
            "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/flag-category","code":"safety"}]}],\
            "code":{"text":"PHQ-9 item 9 (thoughts of self-harm) answered 1: same-day review needed"},\
            "subject":{"reference":"Patient/7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11"},"period":{"start":"2026-12-01T15:05:00.000+00:00"}}""";

    static final String SEARCHSET = """
            {"resourceType":"Bundle","type":"searchset","total":1,"link":[\
            {"relation":"self","url":"https://iop.example/fhir/R4/CarePlan?patient=7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11&category=assess-plan&_count=20&_offset=0"},\
            {"relation":"first","url":"https://iop.example/fhir/R4/CarePlan?patient=7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11&category=assess-plan&_count=20&_offset=0"}],\
            "entry":[{"fullUrl":"https://iop.example/fhir/R4/CarePlan/9b0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a22",\
            "resource":{"resourceType":"CarePlan","id":"9b0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a22","status":"active","intent":"plan"},\
            "search":{"mode":"match"}}]}""";

    static final String FORBIDDEN = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"forbidden","diagnostics":"This interaction needs a SMART\
             scope granting 'r' on CarePlan (for example user/CarePlan.r); the token grants no FHIR scope"}]}""";

    static final String NOT_FOUND = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found",\
            "diagnostics":"CarePlan 9b0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a22 not found"}]}""";

    static final String BAD_PARAMETER = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid","diagnostics":"Search parameter\
             subject is not supported here; supported: [category, patient, status]","expression":["subject"]}]}""";

    static final String ANSWER_OUT_OF_RANGE = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid",\
            "diagnostics":"QuestionnaireResponse.item[3].answer[0].value: item 4 of PHQ-9 must be one of 0, 1, 2, 3",\
            "expression":["QuestionnaireResponse.item[3].answer[0].value"]}]}""";

    static final String MISSING_ITEM = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing",\
            "diagnostics":"QuestionnaireResponse.item: PHQ-9 needs an answer to each of its 9 items (linkId 1 to 9); missing: 5",\
            "expression":["QuestionnaireResponse.item"]}]}""";

    private PlanFhirExamples() {
    }
}
