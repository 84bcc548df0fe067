package care.iop.platform.security;

/** The roles a token carries in its {@code groups} claim. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String CLINICIAN = "clinician";
    public static final String SCHEDULER = "scheduler";
    /** An EHR system integrating over REST. */
    public static final String INTEGRATION = "integration";
    /** A mobile-app user; the token carries the claim {@code patient_id}. */
    public static final String PATIENT = "patient";

    private Roles() {
    }
}
