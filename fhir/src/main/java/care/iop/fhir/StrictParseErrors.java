package care.iop.fhir;

import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;

/**
 * Turns every problem the parser finds into a 400 {@link FhirException} naming the element, so a body with an element we
 * do not know (a typo, an R5 field) is refused rather than silently dropped and nothing half-understood is stored.
 */
final class StrictParseErrors implements IParserErrorHandler {

    @Override
    public void unknownElement(IParseLocation location, String elementName) {
        throw invalid(location, elementName, "Unknown element '" + elementName + "'");
    }

    @Override
    public void unknownAttribute(IParseLocation location, String attributeName) {
        throw invalid(location, attributeName, "Unknown attribute '" + attributeName + "'");
    }

    @Override
    public void unknownReference(IParseLocation location, String reference) {
        throw invalid(location, null, "Unknown reference '" + reference + "'");
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
        throw invalid(location, elementName, "Element '" + elementName + "' does not repeat");
    }

    @Override
    public void missingRequiredElement(IParseLocation location, String elementName) {
        throw invalid(location, elementName, "Element '" + elementName + "' is required");
    }

    @Override
    public void incorrectJsonType(IParseLocation location, String elementName, ValueType expectedValueType,
                                  ScalarType expectedScalarType, ValueType foundValueType, ScalarType foundScalarType) {
        throw invalid(location, elementName, "Element '" + elementName + "' has the wrong JSON type: expected "
                + describe(expectedValueType, expectedScalarType) + ", found " + describe(foundValueType, foundScalarType));
    }

    @Override
    public void invalidInternalReference(IParseLocation location, String reference) {
        throw invalid(location, null, "Reference '" + reference + "' names no contained resource");
    }

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
        throw invalid(location, null, "Invalid value '" + value + "': " + error);
    }

    @Override
    public void containedResourceWithNoId(IParseLocation location) {
        throw invalid(location, "contained", "A contained resource has no id");
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
        throw invalid(location, "extension", "An extension has both a value and nested extensions");
    }

    private static FhirException invalid(IParseLocation location, String element, String message) {
        String parent = location == null ? null : location.getParentElementName();
        String path = parent == null ? element : element == null ? parent : parent + "." + element;
        return FhirException.badRequest(message + (path == null ? "" : " at " + path), path);
    }

    private static String describe(ValueType value, ScalarType scalar) {
        return scalar == null ? String.valueOf(value) : value + " (" + scalar + ")";
    }
}
