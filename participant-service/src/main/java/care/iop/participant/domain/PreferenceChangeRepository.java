package care.iop.participant.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PreferenceChangeRepository implements PanacheRepositoryBase<PreferenceChange, UUID> {

    /** A patient's changes, newest first. */
    public PanacheQuery<PreferenceChange> ofPatient(UUID patientId) {
        return find("patientId", Sort.descending("changedAt").and("id"), patientId);
    }
}
