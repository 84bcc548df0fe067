package care.iop.gateway;

import java.util.UUID;

import care.iop.testing.TestTokens;

/** Authorization headers for tests, each for a new subject so one test's calls never count against another's rate limit. */
final class Callers {

    private Callers() {
    }

    static String bearer(String role) {
        return "Bearer " + TestTokens.mint(role, role + "-" + UUID.randomUUID(), null);
    }
}
