package care.iop.participant.domain;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {

    /** The patient other than {@code exceptId} (null: any) that holds the identifier. */
    public Optional<UUID> holderOf(Identifier identifier, UUID exceptId) {
        return getEntityManager().createQuery("""
                        select p.id from Patient p join p.identifiers i
                        where i.system = :system and i.value = :value""", UUID.class)
                .setParameter("system", identifier.system)
                .setParameter("value", identifier.value)
                .getResultStream().filter(id -> !id.equals(exceptId)).findFirst();
    }
}
