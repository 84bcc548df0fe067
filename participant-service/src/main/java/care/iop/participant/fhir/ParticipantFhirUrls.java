package care.iop.participant.fhir;

/**
 * The URLs this service's FHIR resources use: the profiles they claim, the standard code systems and naming systems
 * they draw on, and the program's own extensions and code systems (under {@value #BASE}) for what FHIR has no element
 * for. Collected here so that the mappers, the capability statement and docs/fhir.md name each one the same way.
 */
public final class ParticipantFhirUrls {
    /** Where the program's own FHIR definitions live. */
    public static final String BASE = "https://iop.care/fhir";

    public static final String US_CORE_PATIENT = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient";
    public static final String US_CORE_PRACTITIONER = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner";
    public static final String PRACTITIONER_ROLE = "http://hl7.org/fhir/StructureDefinition/PractitionerRole";
    public static final String CONSENT = "http://hl7.org/fhir/StructureDefinition/Consent";

    /** The registry's own patient id as an identifier: every Patient carries one (US Core requires an identifier). */
    public static final String PATIENT_ID_SYSTEM = BASE + "/sid/patient-id";
    /** The National Provider Identifier (US Core Practitioner's NPI slice). */
    public static final String NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";
    /** A Part 2 disclosure consent's recipient: the client identity its tokens carry (azp, client_id or sub). */
    public static final String CLIENT_ID_SYSTEM = BASE + "/sid/client-id";

    /** Patient: the program track (valueCode ADULT_MH, ADULT_SUD, ADOLESCENT); required on create. */
    public static final String TRACK = BASE + "/StructureDefinition/program-track";
    /** Patient: the ASAM level of care (valueCode 1, 2.1, 2.5); required on create. */
    public static final String LEVEL_OF_CARE = BASE + "/StructureDefinition/level-of-care";
    /** Patient: the admission to the program (valueDate); optional on create (then the patient is REFERRED). */
    public static final String ADMISSION_DATE = BASE + "/StructureDefinition/admission-date";
    /** Patient, read-only: REFERRED, ACTIVE or DISCHARGED (valueCode). */
    public static final String PROGRAM_STATUS = BASE + "/StructureDefinition/program-status";
    /** Patient, read-only: the day of the discharge (valueDate). */
    public static final String DISCHARGE_DATE = BASE + "/StructureDefinition/discharge-date";
    /** Patient, read-only: the coded reason of the discharge (valueCode, events' DischargeReason). */
    public static final String DISCHARGE_REASON = BASE + "/StructureDefinition/discharge-reason";
    /** PractitionerRole: how many patients the clinician may carry (valueInteger). */
    public static final String MAX_CASELOAD = BASE + "/StructureDefinition/max-caseload";

    /** Consent: the registry's kind of consent (valueCode GROUP_PARTICIPATION, PART2_DISCLOSURE, TELEHEALTH). */
    public static final String CONSENT_KIND = BASE + "/StructureDefinition/consent-kind";
    /** Consent.policy of a PART2_DISCLOSURE: the regulation itself, published by the eCFR. */
    public static final String PART2_POLICY = "https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2";
    public static final String PART2_AUTHORITY = "https://www.ecfr.gov";
    /** Consent.policy of the other kinds: the program's consent form, this prefix + the kind (group-participation, telehealth). */
    public static final String PROGRAM_POLICY = BASE + "/policy/";

    public static final String CONSENT_SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope";
    public static final String CONSENT_ACTION_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentaction";
    public static final String ACT_REASON_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    public static final String PARTICIPATION_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    public static final String LOINC = "http://loinc.org";
    /** NUCC Health Care Provider Taxonomy: PractitionerRole.specialty ({@link ProviderTaxonomy}). */
    public static final String NUCC_TAXONOMY = "http://nucc.org/provider-taxonomy";

    private ParticipantFhirUrls() {
    }
}
