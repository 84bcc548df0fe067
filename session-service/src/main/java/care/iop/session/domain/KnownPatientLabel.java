package care.iop.session.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The Part 2 label of a known patient, read-only, for queries that leave out the sessions of Part 2 patients an
 * external caller may not see. {@link ReadModels} writes the row from participant and plan events.
 */
@Entity
@Immutable
@Table(name = "known_patient")
public class KnownPatientLabel extends PanacheEntityBase {
    @Id
    @Column(name = "patient_id")
    public UUID patientId;
    public boolean part2;
}
