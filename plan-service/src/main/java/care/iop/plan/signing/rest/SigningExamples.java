package care.iop.plan.signing.rest;

/** Request examples of the signing API (SigningTest posts each of them). */
final class SigningExamples {
    static final String PATIENT_ELECTRONIC = "{\"role\":\"patient\",\"method\":\"electronic\"}";
    static final String AUTHOR = "{\"role\":\"author\",\"method\":\"electronic\"}";
    static final String PATIENT_IN_PERSON = "{\"role\":\"patient\",\"method\":\"in-person\",\"signerName\":\"Ana Diaz\"}";
    static final String GUARDIAN_VERBAL = "{\"role\":\"guardian\",\"method\":\"verbal\",\"signerName\":\"Maria Diaz (mother)\","
            + "\"witness\":\"Lou Ray, RN\"}";
    static final String CO_SIGNER = "{\"role\":\"co-signer\",\"method\":\"electronic\"}";

    private SigningExamples() {
    }
}
