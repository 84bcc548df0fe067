package care.iop.plan.signing.domain;

import java.util.List;

/**
 * A plan version with its signatures: which roles must sign it ({@code required}), which of them have not yet
 * ({@code pending}), its state and whether it is the version in force.
 */
public record VersionSignatures(PlanVersion version, List<PlanSignature> signatures, List<SignerRole> required,
                                List<SignerRole> pending, State state, boolean inForce) {

    public enum State {
        /** The current version, still missing signatures. */
        PENDING("pending-signatures"),
        /** Every required signature was given. */
        SIGNED("signed"),
        /** A change that needs no new signature: in force on the signatures of the version before. */
        NO_SIGNATURE_NEEDED("no-signature-needed"),
        /** Replaced by a later version before it was fully signed: it can no longer be signed. */
        SUPERSEDED("superseded");

        private final String code;

        State(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
