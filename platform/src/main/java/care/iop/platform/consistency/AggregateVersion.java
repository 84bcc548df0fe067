package care.iop.platform.consistency;

import java.util.UUID;

/**
 * A version of one aggregate: what a write produced (named in a {@code Consistency-Token}) or what a request needs a
 * read model to hold. Version 0 is the first version of every aggregate, so "at least version 0" means "known at all".
 *
 * @param kind the aggregate's kind: {@link #PATIENT}, {@link #CLINICIAN} or {@link #PLAN}
 * @param id the aggregate id (the events' key and {@code ce_subject})
 * @param version the aggregate's version, as its state events carry it
 */
public record AggregateVersion(String kind, UUID id, long version) {
    public static final String PATIENT = "patient";
    public static final String CLINICIAN = "clinician";
    public static final String PLAN = "plan";

    public AggregateVersion {
        if (kind == null || id == null || version < 0) {
            throw new IllegalArgumentException("An aggregate version needs a kind, an id and a version of 0 or more");
        }
    }

    /** The aggregate known at all: its first version or any later one. */
    public static AggregateVersion known(String kind, UUID id) {
        return new AggregateVersion(kind, id, 0);
    }

    /** How a token names it: {@code kind:id@version}. */
    @Override
    public String toString() {
        return kind + ":" + id + "@" + version;
    }

    /** "Clinician 3f2e…" or "Patient 5b1f… version 3": for problem details. */
    String describe() {
        String name = Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " " + id;
        return version == 0 ? name : name + " version " + version;
    }
}
