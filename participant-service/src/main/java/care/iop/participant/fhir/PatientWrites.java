package care.iop.participant.fhir;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import care.iop.participant.domain.Patient;
import care.iop.participant.rest.PatientRequest;
import care.iop.participant.service.PatientService;
import care.iop.platform.problem.FieldError;
import care.iop.platform.problem.ProblemException;
import care.iop.problems.ProblemType;

/**
 * Registers and replaces patients sent as FHIR, through the JSON API's {@link PatientService} (same rules, audit and
 * events), reporting each refusal of a field at the element the client sent: the request is checked against its own
 * constraints first (so a refusal names elements, not request fields), and a refusal of the service has its fields
 * renamed the same way. The status stays the service's (400 invalid, 409 conflict, 412 stale, 422 rule).
 */
@ApplicationScoped
public class PatientWrites {
    private static final String JSON_PATIENTS = "/api/v1/patients/";

    @Inject
    PatientService patients;

    @Inject
    Validator validator;

    public Patient register(PatientRegistration registration) {
        return atElements(registration, () -> patients.register(valid(registration)));
    }

    public Patient replace(UUID id, String ifMatch, PatientRegistration registration) {
        return atElements(registration, () -> patients.replace(id, ifMatch, valid(registration)));
    }

    private PatientRequest valid(PatientRegistration registration) {
        List<FieldError> errors = validator.validate(registration.request()).stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "invalid", errors);
        }
        return registration.request();
    }

    private static Patient atElements(PatientRegistration registration, Supplier<Patient> write) {
        try {
            return write.get();
        } catch (ProblemException e) {
            throw located(e, registration);
        }
    }

    /** The same refusal with its fields named as FHIR elements; a conflict names the patient it collides with. */
    private static ProblemException located(ProblemException e, PatientRegistration registration) {
        if (e.conflictsWith() != null && e.conflictsWith().startsWith(JSON_PATIENTS)) {
            String patient = "Patient/" + e.conflictsWith().substring(JSON_PATIENTS.length());
            return ProblemException.conflictWith(patient, e.getMessage() + " (" + patient + ")");
        }
        if (e.errors().isEmpty()) {
            return e;
        }
        List<FieldError> errors = e.errors().stream()
                .map(error -> new FieldError(registration.expression(error.field()), error.message())).toList();
        String detail = errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; "));
        return new ProblemException(e.type(), detail, errors);
    }

    /** {@code identifiers[0].system}: the property path without container element nodes. */
    private static String field(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
    }
}
