package care.iop.plan.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * FHIR CarePlan status and the lifecycle between them: draft → active; active ↔ on-hold;
 * active/on-hold → completed; any but completed → revoked; draft → entered-in-error.
 */
public enum PlanStatus {
    DRAFT("draft"), ACTIVE("active"), ON_HOLD("on-hold"), REVOKED("revoked"), COMPLETED("completed"),
    ENTERED_IN_ERROR("entered-in-error");

    private final String code;

    PlanStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The statuses this one may move to. */
    public Set<PlanStatus> allowedNext() {
        return switch (this) {
            case DRAFT -> EnumSet.of(ACTIVE, REVOKED, ENTERED_IN_ERROR);
            case ACTIVE -> EnumSet.of(ON_HOLD, COMPLETED, REVOKED);
            case ON_HOLD -> EnumSet.of(ACTIVE, COMPLETED, REVOKED);
            case COMPLETED -> EnumSet.noneOf(PlanStatus.class);
            case REVOKED, ENTERED_IN_ERROR -> EnumSet.noneOf(PlanStatus.class);
        };
    }

    public boolean canMoveTo(PlanStatus next) {
        return allowedNext().contains(next);
    }

    /** Active or on-hold: at most one such plan per patient. */
    public boolean isCurrent() {
        return this == ACTIVE || this == ON_HOLD;
    }

    /** Completed, revoked or entered-in-error: no more changes. */
    public boolean isTerminal() {
        return this == COMPLETED || this == REVOKED || this == ENTERED_IN_ERROR;
    }

    public static Optional<PlanStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(PlanStatus::code).toList();
    }

    @Override
    public String toString() {
        return code;
    }
}
