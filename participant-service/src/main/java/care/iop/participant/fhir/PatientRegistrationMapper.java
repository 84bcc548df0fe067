package care.iop.participant.fhir;

import static care.iop.participant.fhir.ParticipantFhirUrls.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.StringType;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import care.iop.fhir.FhirException;
import care.iop.participant.domain.Gender;
import care.iop.participant.domain.PatientStatus;
import care.iop.participant.domain.Track;
import care.iop.participant.rest.IdentifierDto;
import care.iop.participant.rest.PatientRequest;

/**
 * Reads a FHIR Patient sent to {@code POST /fhir/R4/Patient} as the JSON API's registration. Taken: the identifiers,
 * the official name (else the usual, else the first; given names joined by a space), gender, birth date (a full date),
 * the first phone and the first email, and the program placement from the extensions {@value ParticipantFhirUrls#TRACK}
 * and {@value ParticipantFhirUrls#LEVEL_OF_CARE} (required) and {@value ParticipantFhirUrls#ADMISSION_DATE}. The
 * read-only extensions (program status, discharge) become the request's read-only fields, which the JSON API's rules
 * refuse on a create and accept unchanged on an update (read-modify-write). Other elements (address, contacts...) are
 * not kept. What cannot be read so is a 422 naming the element; the values are then checked by the registration's own
 * rules.
 */
@ApplicationScoped
public class PatientRegistrationMapper {

    /**
     * @param self the patient an update replaces (its registry id may be among the identifiers); null for a create (the
     *             registry id is the server's to give)
     */
    public PatientRegistration toRegistration(org.hl7.fhir.r4.model.Patient r, UUID self) {
        Map<String, String> fields = new HashMap<>();
        List<Integer> identifierIndexes = new ArrayList<>();
        List<IdentifierDto> identifiers = identifiers(r, self, identifierIndexes);
        int nameIndex = nameIndex(r.getName());
        String given = null;
        String family = null;
        if (nameIndex < 0) {
            fields.put("givenName", "Patient.name");
            fields.put("familyName", "Patient.name");
        } else {
            HumanName name = r.getName().get(nameIndex);
            given = name.getGiven().isEmpty() ? null : String.join(" ", name.getGiven().stream().map(StringType::getValue)
                    .filter(v -> v != null && !v.isBlank()).map(String::strip).toList());
            family = name.getFamily();
            fields.put("givenName", "Patient.name[" + nameIndex + "].given");
            fields.put("familyName", "Patient.name[" + nameIndex + "].family");
        }
        fields.put("birthDate", "Patient.birthDate");
        fields.put("gender", "Patient.gender");
        String phone = telecom(r, ContactPoint.ContactPointSystem.PHONE, "phone", fields);
        String email = telecom(r, ContactPoint.ContactPointSystem.EMAIL, "email", fields);
        Track track = enumCode(r, TRACK, "track", Track.class, fields);
        String levelOfCare = code(r, LEVEL_OF_CARE, "levelOfCare", fields);
        PrimitiveType<?> admission = extensionValue(r, ADMISSION_DATE, "admissionDate", fields);
        LocalDate admissionDate = date(admission, fields.get("admissionDate"));
        PatientStatus status = enumCode(r, PROGRAM_STATUS, "status", PatientStatus.class, fields);
        PrimitiveType<?> discharge = extensionValue(r, DISCHARGE_DATE, "dischargedOn", fields);
        LocalDate dischargedOn = date(discharge, fields.get("dischargedOn"));
        String dischargeReasonCode = code(r, DISCHARGE_REASON, "dischargeReasonCode", fields);
        PatientRequest request = new PatientRequest(identifiers, given == null || given.isEmpty() ? null : given, family,
                date(r.getBirthDateElement(), "Patient.birthDate"), gender(r), track, levelOfCare, phone, email, admissionDate,
                null, status, dischargedOn, null, dischargeReasonCode, null, null);
        return new PatientRegistration(request, fields, identifierIndexes);
    }

    /**
     * Every identifier as sent but the registry's own id, which is the server's to give: on an update it may name the
     * patient updated (it is left out), anything else is a 422. {@code indexes} gets the resource index of each one kept.
     */
    private static List<IdentifierDto> identifiers(org.hl7.fhir.r4.model.Patient r, UUID self, List<Integer> indexes) {
        List<IdentifierDto> result = new ArrayList<>();
        for (int i = 0; i < r.getIdentifier().size(); i++) {
            Identifier identifier = r.getIdentifier().get(i);
            if (PATIENT_ID_SYSTEM.equals(identifier.getSystem())) {
                if (self != null && self.toString().equals(identifier.getValue())) {
                    continue;
                }
                throw FhirException.unprocessable("The identifier system " + PATIENT_ID_SYSTEM + " is the registry's own id, given by the server"
                        + (self == null ? "" : "; on an update it can only be the id of the patient updated"), "Patient.identifier[" + i + "]");
            }
            indexes.add(i);
            result.add(new IdentifierDto(identifier.getSystem(), identifier.getValue()));
        }
        return result;
    }

    /** The official name, else the usual one, else the first; -1 when there is none. */
    private static int nameIndex(List<HumanName> names) {
        for (HumanName.NameUse use : new HumanName.NameUse[] { HumanName.NameUse.OFFICIAL, HumanName.NameUse.USUAL }) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).getUse() == use) {
                    return i;
                }
            }
        }
        return names.isEmpty() ? -1 : 0;
    }

    private static String telecom(org.hl7.fhir.r4.model.Patient r, ContactPoint.ContactPointSystem system, String field,
                                  Map<String, String> fields) {
        for (int i = 0; i < r.getTelecom().size(); i++) {
            if (r.getTelecom().get(i).getSystem() == system) {
                fields.put(field, "Patient.telecom[" + i + "].value");
                return r.getTelecom().get(i).getValue();
            }
        }
        fields.put(field, "Patient.telecom");
        return null;
    }

    /** The code of an extension as one of an enum's names (else 422 at the extension); null when absent. */
    private static <E extends Enum<E>> E enumCode(org.hl7.fhir.r4.model.Patient r, String url, String field, Class<E> type,
                                                  Map<String, String> fields) {
        String code = code(r, url, field, fields);
        if (code == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(code)).findFirst().orElseThrow(() ->
                FhirException.unprocessable("must be one of " + Arrays.toString(type.getEnumConstants()), fields.get(field)));
    }

    private static String code(org.hl7.fhir.r4.model.Patient r, String url, String field, Map<String, String> fields) {
        PrimitiveType<?> value = extensionValue(r, url, field, fields);
        return value == null ? null : value.getValueAsString();
    }

    /** The primitive value of an extension (recording its path for {@code field}); null when absent. */
    private static PrimitiveType<?> extensionValue(org.hl7.fhir.r4.model.Patient r, String url, String field, Map<String, String> fields) {
        String path = extensionPath(url);
        fields.put(field, path);
        List<Extension> found = r.getExtensionsByUrl(url);
        if (found.size() > 1) {
            throw FhirException.unprocessable("The extension " + url + " may appear once", path);
        }
        if (found.isEmpty() || found.get(0).getValue() == null) {
            return null;
        }
        if (!(found.get(0).getValue() instanceof PrimitiveType<?> value)) {
            throw FhirException.unprocessable("The extension " + url + " takes a primitive value", path + ".value");
        }
        return value;
    }

    /** A full date (year, month and day): the registry keeps no partial dates. */
    private static LocalDate date(PrimitiveType<?> value, String path) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!(value instanceof DateType date)) {
            throw FhirException.unprocessable("must be a date", path);
        }
        if (date.getPrecision() != TemporalPrecisionEnum.DAY) {
            throw FhirException.unprocessable("must be a full date (year, month and day)", path);
        }
        return LocalDate.parse(date.getValueAsString());
    }

    private static Gender gender(org.hl7.fhir.r4.model.Patient r) {
        if (r.getGender() == null) {
            return null;
        }
        return switch (r.getGender()) {
            case MALE -> Gender.MALE;
            case FEMALE -> Gender.FEMALE;
            case OTHER -> Gender.OTHER;
            case UNKNOWN -> Gender.UNKNOWN;
            case NULL -> null;
        };
    }

    static String extensionPath(String url) {
        return "Patient.extension('" + url + "')";
    }
}
