package care.iop.participant.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {
    private static final String ACTIVE = "patientId = ?1 and revokedAt is null and (expiresOn is null or expiresOn >= ?2)";

    /** Every consent of a patient, oldest first. */
    public List<Consent> ofPatient(UUID patientId) {
        return list("patientId", Sort.ascending("grantedAt").and("id"), patientId);
    }

    /** The consents of a patient active on {@code today} (not revoked, not past expiresOn), oldest first. */
    public List<Consent> activeOf(UUID patientId, LocalDate today) {
        return list(ACTIVE, Sort.ascending("grantedAt").and("id"), patientId, today);
    }

    /** How many PART2_DISCLOSURE consents of a patient are active on {@code today}. */
    public long countActiveDisclosures(UUID patientId, LocalDate today) {
        return count(ACTIVE + " and kind = ?3", patientId, today, ConsentKind.PART2_DISCLOSURE);
    }
}
