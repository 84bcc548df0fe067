package care.iop.session.privacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import care.iop.platform.privacy.DisclosureConsent;
import care.iop.session.domain.ReadModels;
import care.iop.platform.privacy.PatientPrivacy;
import care.iop.platform.privacy.PrivacyFacts;
import care.iop.platform.privacy.Purpose;

/**
 * The Part 2 facts of session-service, from its read model of the participant and plan events: the sticky label
 * ({@code known_patient.part2}) and the PART2_DISCLOSURE consents ({@code known_patient_consent}) with their
 * recipient, purposes and expiry. Never a call to another service.
 */
@ApplicationScoped
public class SessionPrivacyFacts implements PrivacyFacts {
    static final String PART2_DISCLOSURE = "PART2_DISCLOSURE";

    @Inject
    EntityManager em;

    /** One query for the batch: each known patient's label and, for a Part 2 patient, its disclosure consents. */
    @Override
    @SuppressWarnings("unchecked")
    public Map<UUID, PatientPrivacy> of(Collection<UUID> patientIds) {
        List<UUID> ids = patientIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select p.patient_id, p.part2, c.consent_id, c.recipient_id, array_to_string(c.purposes, ','), c.expires_on
                        from known_patient p
                        left join known_patient_consent c on c.patient_id = p.patient_id and p.part2 and c.kind = ?2
                        where p.patient_id in (?1)""")
                .setParameter(1, ids).setParameter(2, PART2_DISCLOSURE).getResultList();
        Map<UUID, Boolean> labels = new HashMap<>();
        Map<UUID, List<DisclosureConsent>> consents = new HashMap<>();
        for (Object[] row : rows) {
            UUID patientId = (UUID) row[0];
            labels.put(patientId, (Boolean) row[1]);
            List<DisclosureConsent> of = consents.computeIfAbsent(patientId, id -> new ArrayList<>());
            if (row[3] != null) {
                of.add(new DisclosureConsent((UUID) row[2], (String) row[3], purposes((String) row[4]), ReadModels.toDate(row[5])));
            }
        }
        Map<UUID, PatientPrivacy> facts = new HashMap<>();
        labels.forEach((id, part2) -> facts.put(id, new PatientPrivacy(id, part2, List.copyOf(consents.get(id)))));
        return facts;
    }

    /** The Part 2 patients with a consent naming {@code recipient}, covering {@code purpose} and valid on {@code day}. */
    @Override
    @SuppressWarnings("unchecked")
    public Set<UUID> part2PatientsDisclosableTo(String recipient, Purpose purpose, LocalDate day) {
        if (recipient == null || purpose == null) {
            return Set.of();
        }
        // expires_on null never covers (as DisclosureConsent.covers): a Part 2 consent states its end.
        List<UUID> rows = em.createNativeQuery("""
                        select distinct c.patient_id from known_patient_consent c join known_patient p on p.patient_id = c.patient_id
                        where c.kind = ?1 and c.recipient_id = ?2 and cast(?3 as text) = any(c.purposes) and c.expires_on >= ?4 and p.part2""",
                        UUID.class)
                .setParameter(1, PART2_DISCLOSURE).setParameter(2, recipient).setParameter(3, purpose.name()).setParameter(4, day)
                .getResultList();
        return new HashSet<>(rows);
    }

    private static Set<Purpose> purposes(String stored) {
        if (stored == null || stored.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(stored.split(",")).map(Purpose::parse).flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet());
    }
}
