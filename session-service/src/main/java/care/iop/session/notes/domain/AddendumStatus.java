package care.iop.session.notes.domain;

/** AWAITING_SIGNATURE (written) -> AWAITING_COSIGNATURE (signed by an author whose credentials need a co-signature) -> SIGNED. */
public enum AddendumStatus {
    AWAITING_SIGNATURE, AWAITING_COSIGNATURE, SIGNED
}
