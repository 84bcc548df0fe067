package care.iop.session.domain;

/** Which occurrences of a series a change or cancellation applies to. */
public enum ChangeScope {
    THIS, THIS_AND_FOLLOWING
}
