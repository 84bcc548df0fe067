package care.iop.participant.fhir;

import static care.iop.participant.fhir.FhirApi.BASE;
import static care.iop.participant.fhir.FhirApi.as;
import static care.iop.participant.fhir.FhirApi.asExternal;
import static care.iop.participant.fhir.FhirApi.assertOutcome;
import static care.iop.participant.fhir.FhirApi.assertValid;
import static care.iop.participant.fhir.FhirApi.bundle;
import static care.iop.participant.fhir.FhirApi.matches;
import static care.iop.participant.fhir.FhirApi.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

import care.iop.fhir.Part2Labels;
import care.iop.participant.Api;
import care.iop.participant.Db;
import care.iop.platform.privacy.Disclosure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * 42 CFR Part 2 on the FHIR faces, as in the JSON API: a caller outside the program (client riverside-ehr) gets a Part 2
 * patient only with the patient's consent naming it, and then with the security labels; without, a read is 404 audited
 * as DENIED and a search leaves the patient out. Staff see Part 2 patients unlabelled (no disclosure).
 */
@QuarkusTest
class FhirPart2Test {
    static final String CLIENT = "riverside-ehr";
    static final String SCOPE = "system/Patient.rs";

    @Inject
    AgroalDataSource ds;

    /** An ADULT_SUD (Part 2) patient with this family name. */
    static UUID part2Patient(String family) {
        return UUID.fromString(Api.as("scheduler").body(Api.patientBody(Api.uniqueMrn(), family, "2026-01-05", "ADULT_SUD"))
                .post(Api.PATIENTS).then().statusCode(201).extract().path("id"));
    }

    @Test
    void withConsentTheRecordIsDisclosedWithItsLabels() {
        UUID id = part2Patient(Api.uniqueFamilyName());
        String consent = ConsentFhirTest.grant(id, ConsentFhirTest.PART2);
        var read = asExternal(CLIENT, SCOPE).get(BASE + "/Patient/" + id);

        assertThat(read.statusCode()).isEqualTo(200);
        Patient patient = parse(Patient.class, read);
        assertThat(Part2Labels.isLabelled(patient)).isTrue();
        assertThat(patient.getMeta().getSecurity()).extracting(c -> c.getCode()).containsExactlyInAnyOrder("R", "ETH", "42CFRPart2", "NORDSCLCD");
        assertThat(patient.getMeta().getExtensionByUrl(Part2Labels.NOTICE_EXTENSION)).isNotNull();
        assertThat(read.asString()).doesNotContain("part2Notice");
        assertValid(patient, ParticipantFhirUrls.US_CORE_PATIENT);
        assertThat(Db.count(ds, "select count(*) from audit_event where patient_id = ? and action = 'READ' and recipient = ? and consent_id = ?",
                id, CLIENT, UUID.fromString(consent))).isEqualTo(1);
    }

    @Test
    void withoutConsentAReadIs404AuditedAsDenied() {
        UUID id = part2Patient(Api.uniqueFamilyName());
        assertOutcome(asExternal(CLIENT, SCOPE).get(BASE + "/Patient/" + id), 404, null);
        assertThat(Db.count(ds, "select count(*) from audit_event where patient_id = ? and outcome = 'DENIED' and reason = ?", id,
                Disclosure.NO_CONSENT)).isEqualTo(1);

        ConsentFhirTest.grant(id, ConsentFhirTest.PART2);
        assertOutcome(asExternal("another-ehr", SCOPE).get(BASE + "/Patient/" + id), 404, null);
    }

    @Test
    void aSearchLeavesOutWhatItMayNotDisclose() {
        String family = Api.uniqueFamilyName();
        UUID consented = part2Patient(family);
        ConsentFhirTest.grant(consented, ConsentFhirTest.PART2);
        UUID withoutConsent = part2Patient(family);
        UUID notPart2 = UUID.fromString(Api.as("scheduler").body(Api.patientBody(Api.uniqueMrn(), family, "2026-01-05", "ADULT_MH"))
                .post(Api.PATIENTS).then().statusCode(201).extract().path("id"));

        Bundle external = bundle(asExternal(CLIENT, SCOPE).queryParam("family", family).get(BASE + "/Patient"));
        assertThat(external.getTotal()).isEqualTo(2);
        assertThat(matches(external)).containsExactlyInAnyOrder(consented.toString(), notPart2.toString());
        assertThat(external.getEntry()).filteredOn(e -> Part2Labels.isLabelled(e.getResource()))
                .extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(consented.toString());

        Bundle staff = bundle(as("clinician", "user/Patient.rs").queryParam("family", family).get(BASE + "/Patient"));
        assertThat(matches(staff)).containsExactlyInAnyOrder(consented.toString(), withoutConsent.toString(), notPart2.toString());
        assertThat(staff.getEntry()).noneMatch(e -> Part2Labels.isLabelled(e.getResource()));
    }
}
