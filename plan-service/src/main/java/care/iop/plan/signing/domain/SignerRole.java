package care.iop.plan.signing.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** In which capacity someone signs a plan version. */
public enum SignerRole {
    /** The patient (an adult; an adolescent's own signature is accepted as assent but does not replace the guardian's). */
    PATIENT("patient"),
    /** The parent or legal guardian of an adolescent patient. */
    GUARDIAN("guardian"),
    /** The plan's primary clinician. */
    AUTHOR("author"),
    /** A licensed clinician co-signing for an author whose credentials need supervision. */
    CO_SIGNER("co-signer");

    private final String code;

    SignerRole(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** A clinician of the program signs in this role (with their own token). */
    public boolean clinical() {
        return this == AUTHOR || this == CO_SIGNER;
    }

    public static Optional<SignerRole> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(SignerRole::code).toList();
    }

    @Override
    public String toString() {
        return code;
    }
}
