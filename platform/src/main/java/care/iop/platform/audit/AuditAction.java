package care.iop.platform.audit;

/**
 * What was done to patient data. {@link #REPLAY}: the stored answer of an earlier change was sent again to the caller
 * that made it (a retry with the same Idempotency-Key); it changes nothing and is recorded like a read.
 */
public enum AuditAction {
    READ, SEARCH, CREATE, UPDATE, DELETE, REPLAY
}
