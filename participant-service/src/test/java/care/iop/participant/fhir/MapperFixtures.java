package care.iop.participant.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import care.iop.participant.domain.Clinician;
import care.iop.participant.domain.Consent;
import care.iop.participant.domain.ConsentKind;
import care.iop.participant.domain.Gender;
import care.iop.participant.domain.Identifier;
import care.iop.participant.domain.Patient;
import care.iop.participant.domain.PatientStatus;
import care.iop.participant.domain.Track;

/** Domain records as the registry stores them, for the mappers' unit tests (no database). */
final class MapperFixtures {
    static final Instant CREATED = Instant.parse("2026-01-05T14:00:00Z");
    static final Instant UPDATED = Instant.parse("2026-02-01T09:30:00Z");

    private MapperFixtures() {
    }

    static Patient patient() {
        Patient p = new Patient();
        p.id = UUID.randomUUID();
        p.identifiers = new ArrayList<>(List.of(new Identifier("urn:example:mrn", "MRN-0001")));
        p.givenName = "Ana";
        p.familyName = "Diaz";
        p.birthDate = LocalDate.of(1990, 4, 2);
        p.gender = Gender.FEMALE;
        p.track = Track.ADULT_SUD;
        p.part2 = true;
        p.levelOfCare = "2.1";
        p.phone = "+1-555-0100";
        p.email = "ana@example.org";
        p.admissionDate = LocalDate.of(2026, 1, 5);
        p.status = PatientStatus.ACTIVE;
        p.createdAt = CREATED;
        p.updatedAt = UPDATED;
        p.version = 3;
        return p;
    }

    static Clinician clinician() {
        Clinician c = new Clinician();
        c.id = UUID.randomUUID();
        c.npi = "1234567893";
        c.givenName = "Sam";
        c.familyName = "Lee";
        c.credentials = "LCSW,LAC";
        c.canLeadGroups = true;
        c.maxCaseload = 25;
        c.active = true;
        c.createdAt = CREATED;
        c.updatedAt = UPDATED;
        c.version = 2;
        return c;
    }

    static Consent consent(ConsentKind kind) {
        Consent c = new Consent();
        c.id = UUID.randomUUID();
        c.patientId = UUID.randomUUID();
        c.kind = kind;
        c.signedOn = LocalDate.of(2026, 1, 5);
        c.grantedAt = CREATED;
        c.version = 0;
        if (kind == ConsentKind.PART2_DISCLOSURE) {
            c.expiresOn = LocalDate.of(2027, 1, 4);
            c.recipient = "Riverside County Probation";
            c.recipientId = "riverside-probation-ehr";
            c.purposes = new String[] { "TREATMENT", "PAYMENT" };
        }
        return c;
    }
}
