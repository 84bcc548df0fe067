package care.iop.session.fhir.rest;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import java.util.UUID;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import care.iop.session.domain.SessionType;

/**
 * What the session-service FHIR resources share: the URLs of our extensions and code systems (docs/fhir-session.md),
 * references to the resources of the three services, and times written with the program time zone's offset (as the JSON
 * API writes them).
 */
public final class SessionFhir {
    /** Canonical base of the extensions we define (documented in docs/fhir-session.md). */
    public static final String EXTENSIONS = "https://iop.care/fhir/StructureDefinition/";
    /** Slot: how many patients the group session seats (positiveInt). */
    public static final String SLOT_CAPACITY = EXTENSIONS + "slot-capacity";
    /** Slot: how many seats are taken (unsignedInt). */
    public static final String SLOT_BOOKED = EXTENSIONS + "slot-booked";
    /** Slot: how many patients wait for a seat (unsignedInt). */
    public static final String SLOT_WAITLISTED = EXTENSIONS + "slot-waitlisted";
    /** Appointment with status waitlist: its place on the session's waitlist, from 1 (positiveInt). */
    public static final String WAITLIST_POSITION = EXTENSIONS + "appointment-waitlist-position";
    /** Cancelled Appointment: cancelled less than the late-cancellation window before the start (boolean). */
    public static final String LATE_CANCELLATION = EXTENSIONS + "appointment-late-cancellation";

    public static final String CPT = "http://www.ama-assn.org/go/cpt";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    public static final String UCUM = "http://unitsofmeasure.org";
    /** Identifier system of an id that is a UUID ({@code urn:uuid:...}). */
    public static final String URI = "urn:ietf:rfc:3986";

    private SessionFhir() {
    }

    public static Reference patient(UUID id) {
        return new Reference("Patient/" + id);
    }

    public static Reference practitioner(UUID id) {
        return new Reference("Practitioner/" + id);
    }

    public static Reference slot(UUID sessionId) {
        return new Reference("Slot/" + sessionId);
    }

    public static Reference schedule(UUID clinicianId) {
        return new Reference("Schedule/" + clinicianId);
    }

    public static Reference appointment(UUID bookingId) {
        return new Reference("Appointment/" + bookingId);
    }

    /** What kind of therapy a session is, in words (no code system names our session types). */
    public static CodeableConcept serviceType(SessionType type) {
        return new CodeableConcept().setText(switch (type) {
            case INDIVIDUAL -> "Individual psychotherapy";
            case GROUP -> "Group psychotherapy";
            case FAMILY -> "Family psychotherapy";
        });
    }

    /** An instant to the second, with the offset of {@code zone} at that instant. */
    public static InstantType instant(OffsetDateTime time, ZoneId zone) {
        return time == null ? null : new InstantType(Date.from(time.toInstant()), TemporalPrecisionEnum.SECOND, timeZone(time, zone));
    }

    /** A dateTime to the second, with the offset of {@code zone} at that instant. */
    public static DateTimeType dateTime(OffsetDateTime time, ZoneId zone) {
        return time == null ? null : new DateTimeType(Date.from(time.toInstant()), TemporalPrecisionEnum.SECOND, timeZone(time, zone));
    }

    private static TimeZone timeZone(OffsetDateTime time, ZoneId zone) {
        return TimeZone.getTimeZone(time.atZoneSameInstant(zone).getOffset());
    }
}
