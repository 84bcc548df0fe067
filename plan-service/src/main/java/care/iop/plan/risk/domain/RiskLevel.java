package care.iop.plan.risk.domain;

/** The suicide risk a C-SSRS screener finds (domain.md, "Measurement-based care"); moderate and high call for a safety plan. */
public enum RiskLevel {
    NONE, LOW, MODERATE, HIGH;

    /** Moderate or high: a flag is closed only with a safety plan. */
    public boolean needsSafetyPlan() {
        return this == MODERATE || this == HIGH;
    }
}
