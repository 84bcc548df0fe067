package care.iop.plan.discharge.domain;

/** A discharge summary is edited as a DRAFT and locked once SIGNED. */
public enum SummaryStatus {
    DRAFT, SIGNED
}
