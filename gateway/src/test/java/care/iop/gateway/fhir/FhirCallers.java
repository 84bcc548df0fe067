package care.iop.gateway.fhir;

import java.util.Map;
import java.util.UUID;

import care.iop.testing.TestTokens;

/** Tokens with SMART scopes for the FHIR tests, each for a subject of its own (its own rate-limit bucket and export jobs). */
final class FhirCallers {
    private FhirCallers() {
    }

    /** An {@code integration} client (an EHR's backend service) with these scopes (space-separated). */
    static String backend(String scopes) {
        return bearer("integration", scopes);
    }

    static String bearer(String role, String scopes) {
        return "Bearer " + TestTokens.mint(role, role + "-" + UUID.randomUUID(), null, Map.of("scope", scopes));
    }
}
