package care.iop.plan.readmodel;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What plan-service knows about a clinician, from iop.participants. */
@Entity
@Table(name = "known_clinician")
public class KnownClinician extends PanacheEntityBase {
    @Id
    @Column(name = "clinician_id")
    public UUID clinicianId;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "can_lead_groups")
    public boolean canLeadGroups;
    public boolean active;
    /** Comma-separated credentials ("LCSW", "LPC-A"); null when no event carrying them arrived yet. */
    public String credentials;
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public List<String> credentialList() {
        return credentials == null || credentials.isBlank() ? List.of() : List.of(credentials.split(","));
    }
}
