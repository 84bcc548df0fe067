package care.iop.participant.domain;

/** What a consent covers. */
public enum ConsentKind {
    /** Signed group confidentiality agreement. */
    GROUP_PARTICIPATION,
    /** 42 CFR Part 2 disclosure of substance-use-disorder records: needs recipient, recipientId, purposes and expiry. */
    PART2_DISCLOSURE,
    /** Agreement to receive care by video or phone. */
    TELEHEALTH
}
