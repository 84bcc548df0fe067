package care.iop.participant.domain;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {

    /** The patient an identifier names, if any (system + value is unique). */
    public Optional<UUID> holderOf(Identifier identifier) {
        return getEntityManager()
                .createQuery("select p.id from Patient p join p.identifiers i where i.system = :system and i.value = :value", UUID.class)
                .setParameter("system", identifier.system).setParameter("value", identifier.value)
                .getResultStream().findFirst();
    }
}
