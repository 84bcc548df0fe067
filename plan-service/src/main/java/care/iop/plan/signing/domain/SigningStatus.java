package care.iop.plan.signing.domain;

import java.util.List;

/**
 * Where a plan stands with its signatures: its latest version, the latest fully signed one (the version in force, null
 * while none is) and the signatures the latest version still lacks.
 */
public record SigningStatus(int currentVersion, Integer versionInForce, List<SignerRole> pendingSignatures) {
}
