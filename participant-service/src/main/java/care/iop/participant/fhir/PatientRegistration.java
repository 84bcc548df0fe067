package care.iop.participant.fhir;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import care.iop.participant.rest.PatientRequest;

/**
 * A FHIR Patient read as the JSON API's registration, with where each field came from: a refusal of a field by the
 * registration's rules ({@code givenName}, {@code identifiers[1].system}) is reported at the element the client sent
 * ({@code Patient.name[0].given}, {@code Patient.identifier[1].system}).
 *
 * @param request the registration, validated and stored by the same service as the JSON API's
 * @param fields            the FHIR expression of each top-level request field the resource fed
 * @param identifierIndexes the index in {@code Patient.identifier} of each of the request's identifiers
 */
public record PatientRegistration(PatientRequest request, Map<String, String> fields, List<Integer> identifierIndexes) {
    private static final Pattern IDENTIFIER = Pattern.compile("identifiers(\\[(\\d+)\\])?(\\.(system|value))?");

    public PatientRegistration {
        fields = Map.copyOf(fields);
        identifierIndexes = List.copyOf(identifierIndexes);
    }

    /** The FHIR expression of a request field as the rules name it; {@code Patient} for one the resource has no element for. */
    public String expression(String field) {
        if (field == null) {
            return "Patient";
        }
        Matcher identifier = IDENTIFIER.matcher(field);
        if (identifier.matches()) {
            if (identifier.group(2) == null) {
                return "Patient.identifier";
            }
            int index = Integer.parseInt(identifier.group(2));
            int element = index < identifierIndexes.size() ? identifierIndexes.get(index) : index;
            return "Patient.identifier[" + element + "]" + (identifier.group(3) == null ? "" : identifier.group(3));
        }
        return fields.getOrDefault(field, "Patient");
    }
}
