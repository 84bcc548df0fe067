package care.iop.platform.audit;

/** What was done to patient data. */
public enum AuditAction {
    READ, SEARCH, CREATE, UPDATE, DELETE
}
