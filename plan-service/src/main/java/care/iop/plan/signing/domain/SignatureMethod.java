package care.iop.plan.signing.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a signature was given. */
public enum SignatureMethod {
    /** On paper or a pad in front of staff, who record it. */
    IN_PERSON("in-person"),
    /** With the signer's own token: the patient's {@code patient} token, the clinician's {@code clinician} token. */
    ELECTRONIC("electronic"),
    /** Said aloud (by phone, say) and recorded by staff; needs a witness. */
    VERBAL("verbal");

    private final String code;

    SignatureMethod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<SignatureMethod> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(SignatureMethod::code).toList();
    }

    @Override
    public String toString() {
        return code;
    }
}
