package care.iop.fhir;

/** The media types of the FHIR JSON format (R4 3.1.0.1.6); plain {@code application/json} is accepted too. */
public final class FhirMedia {
    public static final String FHIR_JSON = "application/fhir+json";
    /** The DSTU2-era name some clients still send. */
    public static final String LEGACY_FHIR_JSON = "application/json+fhir";
    public static final String FHIR_NDJSON = "application/fhir+ndjson";
    /** Where every FHIR path of a service and of the gateway starts. */
    public static final String BASE_PATH = "/fhir/R4";

    private FhirMedia() {
    }
}
