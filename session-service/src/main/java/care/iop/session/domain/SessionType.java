package care.iop.session.domain;

/** INDIVIDUAL and FAMILY sessions name one patient; GROUP sessions have a roster with a capacity. */
public enum SessionType {
    INDIVIDUAL, GROUP, FAMILY;

    public boolean hasRoster() {
        return this == GROUP;
    }
}
