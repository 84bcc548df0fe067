package care.iop.participant.service;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** What a clinician search asks for, whatever face it came through; every filter set must hold (null: no filter). */
public final class ClinicianCriteria {
    Set<UUID> ids;
    NameMatch name;
    NameMatch family;
    NameMatch given;
    String npi;
    Set<String> anyCredential;
    Boolean active;
    Instant updatedFrom;
    Instant updatedBefore;

    /** One of these clinicians. */
    public ClinicianCriteria ids(Set<UUID> value) {
        ids = Set.copyOf(value);
        return this;
    }

    public ClinicianCriteria name(NameMatch value) {
        name = value;
        return this;
    }

    public ClinicianCriteria family(NameMatch value) {
        family = value;
        return this;
    }

    public ClinicianCriteria given(NameMatch value) {
        given = value;
        return this;
    }

    /** This NPI (any text: one that is no NPI matches nobody). */
    public ClinicianCriteria npi(String value) {
        npi = value;
        return this;
    }

    /**
     * Holds at least one of these credentials, compared ignoring case, dots and spaces (give them upper case, without
     * dots and spaces: "PHD" finds "Ph.D."); an empty set matches nobody.
     */
    public ClinicianCriteria anyCredential(Set<String> value) {
        anyCredential = Set.copyOf(value);
        return this;
    }

    public ClinicianCriteria active(Boolean value) {
        active = value;
        return this;
    }

    /** Last changed at or after {@code from} and before {@code before}. */
    public ClinicianCriteria updated(Instant from, Instant before) {
        updatedFrom = from;
        updatedBefore = before;
        return this;
    }
}
