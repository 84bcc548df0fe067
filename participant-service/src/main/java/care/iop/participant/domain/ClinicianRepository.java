package care.iop.participant.domain;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ClinicianRepository implements PanacheRepositoryBase<Clinician, UUID> {

    public Optional<Clinician> findByNpi(String npi) {
        return find("npi", npi).firstResultOptional();
    }
}
