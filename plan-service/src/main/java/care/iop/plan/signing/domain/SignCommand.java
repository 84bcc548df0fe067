package care.iop.plan.signing.domain;

/** A signature to record: in which role, how, and (given in person or verbally) by whom, with which witness. */
public record SignCommand(SignerRole role, SignatureMethod method, String signerName, String witness) {
}
