package care.iop.participant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A business identifier of a patient (FHIR Identifier): a namespace URI and a value, e.g. an EHR's MRN. */
@Embeddable
public class Identifier {
    @Column(name = "system", nullable = false)
    public String system;

    @Column(name = "value", nullable = false)
    public String value;

    public Identifier() {
    }

    public Identifier(String system, String value) {
        this.system = system;
        this.value = value;
    }

    public String key() {
        return system + "|" + value;
    }
}
