package care.iop.fhir;

import org.hl7.fhir.r4.model.Resource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A service's share of {@code Patient/{id}/$everything}: the resources about one patient that the caller may see (the
 * same privacy rules as the service's searches: Part 2 records without consent are left out), changed since
 * {@code since} when given. One bean per service; the gateway merges the services' shares and pages them.
 */
public interface PatientCompartment {
    List<Resource> everything(UUID patientId, Instant since);
}
