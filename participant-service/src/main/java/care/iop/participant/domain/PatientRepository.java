package care.iop.participant.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {
}
