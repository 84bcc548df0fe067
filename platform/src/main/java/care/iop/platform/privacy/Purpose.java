package care.iop.platform.privacy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a record is disclosed (42 CFR 2.31: one consent may cover treatment, payment and health-care
 * operations). A caller states it in its token's {@code purpose_of_use} claim, by our name or by the HL7
 * PurposeOfUse code ({@code TREAT}, {@code HPAYMT}, {@code HOPERAT}); without the claim the configured
 * default applies ({@code iop.privacy.default-purpose}).
 */
public enum Purpose {
    TREATMENT("TREAT"), PAYMENT("HPAYMT"), HEALTH_CARE_OPERATIONS("HOPERAT");

    private final String hl7Code;

    Purpose(String hl7Code) {
        this.hl7Code = hl7Code;
    }

    public String hl7Code() {
        return hl7Code;
    }

    /** Our name or the HL7 code, in any case; empty for anything else. */
    public static Optional<Purpose> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.name().equals(v) || p.hl7Code.equals(v)).findFirst();
    }
}
