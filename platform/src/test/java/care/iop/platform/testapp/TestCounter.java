package care.iop.platform.testapp;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A versioned row: its answer must name the version the change's commit produces. */
@Entity
@Table(name = "test_counter")
public class TestCounter {
    @Id
    public UUID id;

    public int value;

    @Version
    public long version;
}
