package care.iop.participant.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    /** Every consent of a patient, oldest first. */
    public List<Consent> ofPatient(UUID patientId) {
        return list("patientId", Sort.ascending("grantedAt").and("id"), patientId);
    }
}
