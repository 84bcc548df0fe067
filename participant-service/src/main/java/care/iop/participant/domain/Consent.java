package care.iop.participant.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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

    public String recipient;

    public String purpose;

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
