package care.iop.gateway.fhir;

/**
 * A FHIR request the gateway refuses before asking any service (a bad {@code _count}, an unknown parameter, a missing
 * {@code Prefer} header): answered as an OperationOutcome with its status and the parameter or header named.
 */
public final class BadFhirRequest extends RuntimeException {
    public final int status;
    public final String code;
    public final String expression;

    public BadFhirRequest(int status, String code, String diagnostics, String expression) {
        super(diagnostics, null, false, false);
        this.status = status;
        this.code = code;
        this.expression = expression;
    }

    /** 400 {@code invalid} naming the parameter. */
    public static BadFhirRequest invalid(String parameter, String diagnostics) {
        return new BadFhirRequest(400, "invalid", diagnostics, parameter);
    }

    /** 400 {@code not-supported} naming the parameter. */
    public static BadFhirRequest notSupported(String parameter, String diagnostics) {
        return new BadFhirRequest(400, "not-supported", diagnostics, parameter);
    }
}
