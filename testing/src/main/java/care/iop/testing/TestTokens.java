package care.iop.testing;

import java.util.UUID;

import care.iop.devstack.LocalKeys;
import care.iop.devstack.Tokens;

/** Signed tokens for tests, verified by the services with the key {@link IopTestInfrastructure} configures. */
public final class TestTokens {
    private static Tokens tokens;

    private TestTokens() {
    }

    public static String forRole(String role) {
        return mint(role, "test-" + role, null);
    }

    public static String patient(UUID patientId) {
        return mint("patient", "test-patient-" + patientId, patientId);
    }

    /** A {@code clinician} token of a registered clinician (claim {@code clinician_id}): the one that signs its plans as author. */
    public static String clinician(UUID clinicianId) {
        return mint("clinician", "test-clinician-" + clinicianId, null, java.util.Map.of("clinician_id", clinicianId.toString()));
    }

    public static String mint(String role, String subject, UUID patientId) {
        return tokens().mint(role, subject, patientId, 60);
    }

    /** A token with further claims, e.g. {@code azp} (the client identity) or {@code purpose_of_use}. */
    public static String mint(String role, String subject, UUID patientId, java.util.Map<String, Object> extraClaims) {
        return tokens().mint(role, subject, patientId, 60, extraClaims);
    }

    /** {@code Authorization} header value. */
    public static String bearer(String role) {
        return "Bearer " + forRole(role);
    }

    private static synchronized Tokens tokens() {
        if (tokens == null) {
            tokens = new Tokens(LocalKeys.ensure(IopTestInfrastructure.KEYS_DIR).privateKey(), Tokens.DEFAULT_ISSUER);
        }
        return tokens;
    }
}
