package care.iop.participant.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import care.iop.platform.privacy.Purpose;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A consent a patient signed; revoked or expired ones are kept. */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {
    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentKind kind;

    @Column(name = "signed_on", nullable = false)
    public LocalDate signedOn;

    /** Last day the consent is valid (inclusive); null: no expiry. */
    @Column(name = "expires_on")
    public LocalDate expiresOn;

    /** PART2_DISCLOSURE: who may receive the records, as people name it. */
    public String recipient;

    /** PART2_DISCLOSURE: the client identity a caller's token carries (azp, client_id or sub); null for rows granted before it existed. */
    @Column(name = "recipient_id")
    public String recipientId;

    /**
     * PART2_DISCLOSURE: names of the {@link Purpose}s covered; null for rows granted before purposes existed (their
     * free-text purpose stays in the column {@code purpose}, unmapped): such a consent covers no purpose.
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "purposes", columnDefinition = "text[]")
    public String[] purposes;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    @Column(name = "granted_by")
    public String grantedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    /** Free text; never leaves the service in an event. */
    @Column(name = "revoke_reason")
    public String revokeReason;

    @Version
    public long version;

    /** The purposes covered, in declaration order; empty when none (or not a PART2_DISCLOSURE). */
    public List<Purpose> purposeList() {
        if (purposes == null) {
            return List.of();
        }
        Set<Purpose> known = EnumSet.noneOf(Purpose.class);
        for (String name : purposes) {
            Purpose.parse(name).ifPresent(known::add);
        }
        return List.copyOf(known);
    }

    /** Revoked wins; otherwise expired once {@code today} is after {@code expiresOn}. */
    public ConsentStatus statusOn(LocalDate today) {
        if (revokedAt != null) {
            return ConsentStatus.REVOKED;
        }
        if (expiresOn != null && today.isAfter(expiresOn)) {
            return ConsentStatus.EXPIRED;
        }
        return ConsentStatus.ACTIVE;
    }
}
