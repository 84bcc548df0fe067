package care.iop.participant.rest;

/** Example bodies shown in the OpenAPI document. */
final class ApiExamples {
    static final String PROBLEM = "application/problem+json";

    static final String PATIENT_REQUEST = """
            {"identifiers":[{"system":"urn:example:mrn","value":"MRN-0001"}],
             "givenName":"Ana","familyName":"Diaz","birthDate":"1990-04-02","gender":"female",
             "track":"ADULT_SUD","levelOfCare":"2.1","phone":"+1-555-0100","email":"ana@example.org",
             "admissionDate":"2026-11-30"}""";

    static final String PATIENT = """
            {"id":"5b1f8a4e-3c2d-4e55-9a0b-7d8e6f1a2b3c",
             "identifiers":[{"system":"urn:example:mrn","value":"MRN-0001"}],
             "givenName":"Ana","familyName":"Diaz","birthDate":"1990-04-02","gender":"female",
             "track":"ADULT_SUD","levelOfCare":"2.1","phone":"+1-555-0100","email":"ana@example.org",
             "admissionDate":"2026-11-30","status":"ACTIVE","version":0}""";

    static final String DISCHARGE = """
            {"reason":"Completed program","date":"2027-02-20"}""";

    static final String PREFERENCES_REQUEST = """
            {"groupComfort":"HESITANT","preferredModality":"INDIVIDUAL","considerations":"anxious in large groups",
             "preferredDays":["MONDAY","WEDNESDAY"]}""";

    static final String PREFERENCES = """
            {"patientId":"5b1f8a4e-3c2d-4e55-9a0b-7d8e6f1a2b3c","groupComfort":"HESITANT","preferredModality":"INDIVIDUAL",
             "considerations":"anxious in large groups","preferredDays":["MONDAY","WEDNESDAY"],"version":1}""";

    static final String PREFERENCE_HISTORY = """
            {"items":[{"id":"0c7d4b7e-8d6f-4a52-b1b4-2f0b9c7e1d11","patientId":"5b1f8a4e-3c2d-4e55-9a0b-7d8e6f1a2b3c",
             "changedAt":"2026-12-01T15:04:05Z","changedBy":"sam.lee",
             "after":{"groupComfort":"HESITANT","preferredModality":"INDIVIDUAL","considerations":"anxious in large groups",
             "preferredDays":["MONDAY","WEDNESDAY"]}}],"page":0,"size":20,"total":1}""";

    static final String CONSENT_REQUEST = """
            {"kind":"GROUP_PARTICIPATION","signedOn":"2026-11-20","expiresOn":null}""";

    static final String PART2_CONSENT_REQUEST = """
            {"kind":"PART2_DISCLOSURE","signedOn":"2026-11-20","expiresOn":"2027-11-20",
             "recipient":"Riverside County Probation","recipientId":"riverside-probation-ehr","purposes":["TREATMENT","PAYMENT"]}""";

    static final String PART2_CONSENT = """
            {"id":"0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9","patientId":"5b1f8a4e-3c2d-4e55-9a0b-7d8e6f1a2b3c",
             "kind":"PART2_DISCLOSURE","status":"ACTIVE","signedOn":"2026-11-20","expiresOn":"2027-11-20",
             "recipient":"Riverside County Probation","recipientId":"riverside-probation-ehr","purposes":["TREATMENT","PAYMENT"],
             "grantedAt":"2026-11-20T16:00:00Z","grantedBy":"sam.lee",
             "redisclosureNotice":"This record, protected by 42 CFR Part 2, was disclosed with the patient's consent; federal law prohibits any further disclosure unless expressly permitted by the patient's written consent or by 42 CFR Part 2."}""";

    static final String DUPLICATE_IDENTIFIER = """
            {"type":"https://iop.care/problems/conflict","title":"Conflict","status":409,
             "detail":"Identifier urn:example:mrn|MRN-0001 already names another patient","instance":"/api/v1/patients",
             "conflictsWith":"/api/v1/patients/5b1f8a4e-3c2d-4e55-9a0b-7d8e6f1a2b3c"}""";

    static final String CONSENT = """
            {"id":"9a3e2c1b-6f5d-4e4c-8b7a-1a2b3c4d5e6f","patientId":"5b1f8a4e-3c2d-4e55-9a0b-7d8e6f1a2b3c",
             "kind":"GROUP_PARTICIPATION","status":"ACTIVE","signedOn":"2026-11-20",
             "grantedAt":"2026-11-20T16:00:00Z","grantedBy":"sam.lee"}""";

    static final String REVOKE = """
            {"reason":"Patient withdrew consent"}""";

    static final String CLINICIAN_REQUEST = """
            {"npi":"1234567893","givenName":"Sam","familyName":"Lee","credentials":["LCSW"],"canLeadGroups":true,"maxCaseload":25}""";

    static final String CLINICIAN = """
            {"id":"3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f","npi":"1234567893","givenName":"Sam","familyName":"Lee",
             "displayName":"Sam Lee, LCSW","credentials":["LCSW"],"canLeadGroups":true,"maxCaseload":25,"active":true,"version":0}""";

    private ApiExamples() {
    }
}
