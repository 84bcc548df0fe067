package care.iop.plan.signing.domain;

import java.util.Arrays;

/** Why a plan version was made. */
public enum VersionCause {
    /** The plan was created: version 1. */
    CREATED("created"),
    /** PUT /plans/{id} changed the clinical content. */
    AMENDED("amended"),
    /** POST /plans/{id}/modality-changes switched the mix. */
    MODALITY_SWITCH("modality-switch"),
    /** A review changed the plan (a review that changes nothing makes no version). */
    REVIEW("review"),
    /** The level of care changed (episodes of care). */
    LEVEL_CHANGE("level-change");

    private final String code;

    VersionCause(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static VersionCause fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown version cause " + code));
    }
}
