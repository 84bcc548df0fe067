package care.iop.participant.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A clinician who can see patients and, when allowed, lead groups. */
@Entity
@Table(name = "clinician")
public class Clinician extends PanacheEntityBase {
    @Id
    @GeneratedValue
    public UUID id;

    @Column(nullable = false)
    public String npi;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    /** Comma-separated credentials, e.g. LCSW,LAC. */
    public String credentials;

    @Column(name = "can_lead_groups", nullable = false)
    public boolean canLeadGroups;

    @Column(name = "max_caseload")
    public Integer maxCaseload;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public List<String> credentialList() {
        return credentials == null || credentials.isEmpty() ? List.of() : Arrays.asList(credentials.split(","));
    }

    /** "Sam Lee, LCSW, LAC". */
    public String displayName() {
        String name = givenName + " " + familyName;
        List<String> list = credentialList();
        return list.isEmpty() ? name : name + ", " + String.join(", ", list);
    }
}
