package care.iop.participant.fhir;

/** Interim until the FHIR foundation lands: a resource element the registration cannot take (422 naming the element). */
class InvalidElement extends RuntimeException {
    final String expression;

    InvalidElement(String diagnostics, String expression) {
        super(diagnostics);
        this.expression = expression;
    }
}
