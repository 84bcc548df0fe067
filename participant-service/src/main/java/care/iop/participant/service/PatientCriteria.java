package care.iop.participant.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import care.iop.participant.domain.Gender;
import care.iop.participant.domain.PatientStatus;
import care.iop.participant.domain.Track;

/**
 * What a patient search asks for, whatever face it came through; every filter set must hold (null: no filter). Dates
 * are ranges with an inclusive start and an exclusive end, either open.
 */
public final class PatientCriteria {
    Set<UUID> ids;
    String identifierSystem;
    String identifierValue;
    NameMatch name;
    NameMatch family;
    NameMatch given;
    PatientStatus status;
    Track track;
    LocalDate bornFrom;
    LocalDate bornBefore;
    Set<Gender> genders;
    boolean genderUnrecorded;
    Instant updatedFrom;
    Instant updatedBefore;

    /** One of these patients. */
    public PatientCriteria ids(Set<UUID> value) {
        ids = Set.copyOf(value);
        return this;
    }

    /** An identifier with this system (null: any) and value (null: any value of the system). */
    public PatientCriteria identifier(String system, String value) {
        identifierSystem = system;
        identifierValue = value;
        return this;
    }

    public PatientCriteria name(NameMatch value) {
        name = value;
        return this;
    }

    public PatientCriteria family(NameMatch value) {
        family = value;
        return this;
    }

    public PatientCriteria given(NameMatch value) {
        given = value;
        return this;
    }

    public PatientCriteria status(PatientStatus value) {
        status = value;
        return this;
    }

    public PatientCriteria track(Track value) {
        track = value;
        return this;
    }

    /** Born on or after {@code from} and before {@code before}. */
    public PatientCriteria born(LocalDate from, LocalDate before) {
        bornFrom = from;
        bornBefore = before;
        return this;
    }

    /** One of these genders; {@code orUnrecorded}: or none recorded. */
    public PatientCriteria genders(Set<Gender> value, boolean orUnrecorded) {
        genders = value.isEmpty() ? EnumSet.noneOf(Gender.class) : EnumSet.copyOf(value);
        genderUnrecorded = orUnrecorded;
        return this;
    }

    /** Last changed at or after {@code from} and before {@code before}. */
    public PatientCriteria updated(Instant from, Instant before) {
        updatedFrom = from;
        updatedBefore = before;
        return this;
    }
}
