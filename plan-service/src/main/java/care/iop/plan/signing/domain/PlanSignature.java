package care.iop.plan.signing.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A signature of one plan version: in which role, by whom, how and when. {@code signer} is the token subject that recorded
 * it (the patient's or clinician's own for an electronic signature, the staff member's for one given in person or
 * verbally); {@code signerName} the person who signed as written down.
 */
@Entity
@Table(name = "plan_signature")
public class PlanSignature extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "version_number")
    public int versionNumber;
    @Column(name = "role")
    public String roleCode;
    public String signer;
    @Column(name = "signer_name")
    public String signerName;
    @Column(name = "clinician_id")
    public UUID clinicianId;
    public String credentials;
    @Column(name = "method")
    public String methodCode;
    public String witness;
    @Column(name = "signed_at")
    public OffsetDateTime signedAt;

    public SignerRole role() {
        return SignerRole.fromCode(roleCode).orElseThrow();
    }

    /** Oldest first. */
    public static List<PlanSignature> ofVersion(UUID planId, int number) {
        return list("planId = ?1 and versionNumber = ?2 order by signedAt, id", planId, number);
    }

    /** Every signature of the plan, by version then time. */
    public static List<PlanSignature> ofPlan(UUID planId) {
        return list("planId = ?1 order by versionNumber, signedAt, id", planId);
    }
}
