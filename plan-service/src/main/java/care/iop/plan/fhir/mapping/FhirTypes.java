package care.iop.plan.fhir.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.TimeZone;
import java.util.UUID;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Reference;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

/** Our values as FHIR datatypes: days, instants (in UTC, to the millisecond) and references to the resources they name. */
public final class FhirTypes {
    private FhirTypes() {
    }

    public static DateType date(LocalDate day) {
        return day == null ? null : new DateType(day.toString());
    }

    /** A day where FHIR wants a dateTime (a period's bounds): day precision. */
    public static DateTimeType day(LocalDate day) {
        return day == null ? null : new DateTimeType(day.toString());
    }

    public static DateTimeType dateTime(OffsetDateTime at) {
        return at == null ? null : new DateTimeType(Date.from(at.toInstant()), TemporalPrecisionEnum.MILLI, TimeZone.getTimeZone("UTC"));
    }

    public static Date instant(OffsetDateTime at) {
        return at == null ? null : Date.from(at.toInstant());
    }

    public static Date instant(Instant at) {
        return at == null ? null : Date.from(at);
    }

    public static Reference patient(UUID id) {
        return reference("Patient", id.toString());
    }

    public static Reference practitioner(UUID id) {
        return id == null ? null : reference("Practitioner", id.toString());
    }

    public static Reference reference(String type, String id) {
        return new Reference(type + "/" + id);
    }
}
