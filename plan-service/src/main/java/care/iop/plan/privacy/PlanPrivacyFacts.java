package care.iop.plan.privacy;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import care.iop.platform.privacy.DisclosureConsent;
import care.iop.platform.privacy.PatientPrivacy;
import care.iop.platform.privacy.PrivacyFacts;
import care.iop.platform.privacy.Purpose;

/**
 * plan-service's knowledge of its patients' Part 2 labels and disclosure consents, from its read models only
 * ({@code known_patient.part2}, {@code known_consent}): two queries for any number of patients.
 */
@ApplicationScoped
public class PlanPrivacyFacts implements PrivacyFacts {

    @Inject
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public Map<UUID, PatientPrivacy> of(Collection<UUID> patientIds) {
        Set<UUID> ids = new HashSet<>(patientIds);
        ids.remove(null);
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object[]> patients = em.createNativeQuery("select patient_id, part2 from known_patient where patient_id in (:ids)")
                .setParameter("ids", ids).getResultList();
        Map<UUID, List<DisclosureConsent>> consents = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("""
                        select patient_id, consent_id, recipient_id, array_to_string(purposes, ','), expires_on
                        from known_consent where patient_id in (:ids)""")
                .setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            consents.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                    .add(new DisclosureConsent((UUID) row[1], (String) row[2], purposes((String) row[3]), date(row[4])));
        }
        Map<UUID, PatientPrivacy> result = new HashMap<>();
        for (Object[] patient : patients) {
            UUID id = (UUID) patient[0];
            result.put(id, new PatientPrivacy(id, (Boolean) patient[1], List.copyOf(consents.getOrDefault(id, List.of()))));
        }
        return result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<UUID> part2PatientsDisclosableTo(String recipient, Purpose purpose, LocalDate day) {
        if (recipient == null) {
            return Set.of();
        }
        List<UUID> ids = em.createNativeQuery("""
                        select distinct c.patient_id from known_consent c join known_patient k on k.patient_id = c.patient_id
                        where k.part2 and c.recipient_id = ?1 and c.purposes @> array[cast(?2 as text)] and c.expires_on >= ?3""")
                .setParameter(1, recipient).setParameter(2, purpose.name()).setParameter(3, day)
                .getResultList();
        return Set.copyOf(ids);
    }

    private static Set<Purpose> purposes(String names) {
        if (names == null || names.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(names.split(",")).map(Purpose::parse).flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet());
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate day ? day : ((Date) value).toLocalDate();
    }
}
