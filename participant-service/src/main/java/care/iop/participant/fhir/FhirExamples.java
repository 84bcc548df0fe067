package care.iop.participant.fhir;

/** Examples of this service's FHIR answers for the API document (abbreviated where a list repeats). */
final class FhirExamples {
    static final String PATIENT = """
            {"resourceType":"Patient","id":"3f1c2b9e-8a41-4c55-9d0e-6f2a7b1c9d10",
             "meta":{"versionId":"0","lastUpdated":"2026-11-30T14:05:00.000+00:00",
               "profile":["http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"]},
             "extension":[{"url":"https://iop.care/fhir/StructureDefinition/program-track","valueCode":"ADULT_MH"},
               {"url":"https://iop.care/fhir/StructureDefinition/level-of-care","valueCode":"2.1"},
               {"url":"https://iop.care/fhir/StructureDefinition/program-status","valueCode":"ACTIVE"},
               {"url":"https://iop.care/fhir/StructureDefinition/admission-date","valueDate":"2026-11-30"}],
             "identifier":[{"use":"official","system":"https://iop.care/fhir/sid/patient-id","value":"3f1c2b9e-8a41-4c55-9d0e-6f2a7b1c9d10"},
               {"use":"usual","system":"urn:example:mrn","value":"MRN-0001"}],
             "active":true,"name":[{"use":"official","family":"Diaz","given":["Ana"]}],
             "telecom":[{"system":"phone","value":"+1-555-0100"},{"system":"email","value":"ana@example.org"}],
             "gender":"female","birthDate":"1990-04-02"}""";

    static final String PATIENT_CREATE = """
            {"resourceType":"Patient",
             "extension":[{"url":"https://iop.care/fhir/StructureDefinition/program-track","valueCode":"ADULT_MH"},
               {"url":"https://iop.care/fhir/StructureDefinition/level-of-care","valueCode":"2.1"},
               {"url":"https://iop.care/fhir/StructureDefinition/admission-date","valueDate":"2026-11-30"}],
             "identifier":[{"system":"urn:example:mrn","value":"MRN-0001"}],
             "name":[{"use":"official","family":"Diaz","given":["Ana"]}],
             "telecom":[{"system":"phone","value":"+1-555-0100"}],"gender":"female","birthDate":"1990-04-02"}""";

    static final String PRACTITIONER = """
            {"resourceType":"Practitioner","id":"7b0e4c1a-2d3f-4a5b-8c9d-0e1f2a3b4c5d",
             "meta":{"versionId":"1","lastUpdated":"2026-11-02T09:00:00.000+00:00",
               "profile":["http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner"]},
             "identifier":[{"use":"official","system":"http://hl7.org/fhir/sid/us-npi","value":"1234567893"}],
             "active":true,"name":[{"use":"official","family":"Lee","given":["Sam"],"suffix":["LCSW"]}],
             "qualification":[{"code":{"text":"LCSW"}}]}""";

    static final String PRACTITIONER_ROLE = """
            {"resourceType":"PractitionerRole","id":"7b0e4c1a-2d3f-4a5b-8c9d-0e1f2a3b4c5d",
             "meta":{"versionId":"1","lastUpdated":"2026-11-02T09:00:00.000+00:00"},
             "extension":[{"url":"https://iop.care/fhir/StructureDefinition/max-caseload","valueInteger":25}],
             "active":true,"practitioner":{"reference":"Practitioner/7b0e4c1a-2d3f-4a5b-8c9d-0e1f2a3b4c5d","display":"Sam Lee, LCSW"},
             "code":[{"text":"clinician"},{"text":"group leader"}]}""";

    static final String CONSENT = """
            {"resourceType":"Consent","id":"0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f",
             "meta":{"versionId":"0","lastUpdated":"2026-11-20T10:00:00.000+00:00",
               "security":[{"system":"http://terminology.hl7.org/CodeSystem/v3-Confidentiality","code":"R"},
                 {"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"ETH"},
                 {"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"42CFRPart2"},
                 {"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"NORDSCLCD"}]},
             "extension":[{"url":"https://iop.care/fhir/StructureDefinition/consent-kind","valueCode":"PART2_DISCLOSURE"}],
             "status":"active",
             "scope":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/consentscope","code":"patient-privacy"}]},
             "category":[{"coding":[{"system":"http://loinc.org","code":"59284-0","display":"Patient Consent"}]}],
             "patient":{"reference":"Patient/3f1c2b9e-8a41-4c55-9d0e-6f2a7b1c9d10"},"dateTime":"2026-11-20T10:00:00+00:00",
             "performer":[{"reference":"Patient/3f1c2b9e-8a41-4c55-9d0e-6f2a7b1c9d10"}],
             "policy":[{"authority":"https://www.ecfr.gov","uri":"https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2"}],
             "provision":{"type":"permit","period":{"start":"2026-11-20","end":"2027-11-20"},
               "actor":[{"role":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"IRCP"}]},
                 "reference":{"identifier":{"system":"https://iop.care/fhir/sid/client-id","value":"riverside-probation-ehr"},
                   "display":"Riverside County Probation"}}],
               "action":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/consentaction","code":"disclose"}]}],
               "purpose":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActReason","code":"TREAT"}]}}""";

    static final String SEARCHSET = """
            {"resourceType":"Bundle","type":"searchset","total":1,
             "link":[{"relation":"self","url":"https://iop.example/fhir/R4/Patient?name=diaz&_count=20&_offset=0"},
               {"relation":"first","url":"https://iop.example/fhir/R4/Patient?name=diaz&_count=20&_offset=0"}],
             "entry":[{"fullUrl":"https://iop.example/fhir/R4/Patient/3f1c2b9e-8a41-4c55-9d0e-6f2a7b1c9d10",
               "resource":{"resourceType":"Patient","id":"3f1c2b9e-8a41-4c55-9d0e-6f2a7b1c9d10"},"search":{"mode":"match"}}]}""";

    static final String INVALID = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid",
              "diagnostics":"Patient.name[0].family: must not be blank","expression":["Patient.name[0].family"]}]}""";

    static final String UNPROCESSABLE = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing",
              "diagnostics":"must be a full date (year, month and day)","expression":["Patient.birthDate"]}]}""";

    static final String FORBIDDEN = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"forbidden",
              "diagnostics":"This interaction needs a SMART scope granting 'r' on Patient (for example user/Patient.r); the token grants no FHIR scope"}]}""";

    static final String NOT_FOUND = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found","diagnostics":"Patient 3f1c2b9e-8a41-4c55-9d0e-6f2a7b1c9d10 not found"}]}""";

    static final String CONFLICT = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"conflict",
              "diagnostics":"Identifier urn:example:mrn|MRN-0001 already names another patient (Patient/3f1c2b9e-8a41-4c55-9d0e-6f2a7b1c9d10)"}]}""";

    static final String PRECONDITION_FAILED = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"conflict",
              "diagnostics":"The resource is at version \\"1\\"; read it again and retry"}]}""";

    private FhirExamples() {
    }
}
