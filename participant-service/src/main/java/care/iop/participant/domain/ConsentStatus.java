package care.iop.participant.domain;

/** A consent's status, derived when it is read: revoked wins, then expiry by date. */
public enum ConsentStatus {
    ACTIVE, REVOKED, EXPIRED
}
