package care.iop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/**
 * The one R4 {@link FhirContext} of the process. Building a context scans the model (hundreds of milliseconds and
 * megabytes), so it is created once, when this class is first used, and shared; parsers made from it are cheap but not
 * thread-safe, so {@link #json()} gives a new one per use.
 */
public final class Fhir {
    private static final FhirContext CONTEXT = FhirContext.forR4();

    private Fhir() {
    }

    public static FhirContext context() {
        return CONTEXT;
    }

    /** A new JSON parser that refuses what it does not understand (unknown elements, wrong types, bad values). */
    public static IParser json() {
        return CONTEXT.newJsonParser().setParserErrorHandler(new StrictParseErrors());
    }
}
