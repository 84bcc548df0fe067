package care.iop.participant.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.DateRange;
import care.iop.fhir.FhirAccess;
import care.iop.fhir.FhirException;
import care.iop.fhir.FhirRequest;
import care.iop.fhir.FhirSearch;
import care.iop.fhir.SearchBundles;
import care.iop.participant.domain.Patient;
import care.iop.participant.service.ConsentService;
import care.iop.participant.service.PatientService;

/**
 * {@code GET /fhir/R4/Consent?patient=...}: one patient's consents, as the JSON API lists them ({@link ConsentService}:
 * same access rules and audit), filtered by {@code status} (active, inactive), {@code _id} and {@code _lastUpdated}, oldest
 * first, paged. A search names its patient ({@code patient}); a patient token's search is its own patient's.
 * {@code _include=Consent:patient} adds the Patient.
 */
@ApplicationScoped
public class ConsentFhirSearch {
    static final Set<String> PARAMETERS = Set.of("_id", "patient", "status");
    static final String INCLUDE_PATIENT = "Consent:patient";
    private static final Set<String> STATES = Set.of("draft", "proposed", "active", "rejected", "inactive", "entered-in-error");

    @Inject
    ConsentService consents;

    @Inject
    PatientService patients;

    @Inject
    ConsentMapper mapper;

    @Inject
    PatientMapper patientMapper;

    @Inject
    DisclosureLabels labels;

    @Inject
    FhirAccess access;

    @Inject
    FhirRequest request;

    public Bundle search() {
        SearchParameters query = SearchParameters.of(request.queryParameters(), PARAMETERS, Set.of());
        Set<String> includes = query.includes(Set.of(INCLUDE_PATIENT, INCLUDE_PATIENT + ":Patient"));
        UUID patientId = query.single("patient").map(value -> FhirSearch.reference("patient", value, "Patient"))
                .or(access::patientContext)
                .orElseThrow(() -> FhirException.badRequest("A Consent search names its patient (patient=Patient/<id>)", "patient"));
        Set<UUID> ids = query.ids().orElse(null);
        String status = query.single("status").orElse(null);
        if (status != null && !STATES.contains(status)) {
            throw FhirException.badRequest("status must be one of " + STATES + ", got " + status, "status");
        }
        DateRange updated = query.lastUpdated();
        LocalDate today = consents.today();
        List<org.hl7.fhir.r4.model.Consent> matches = consents.list(patientId).stream()
                .filter(c -> ids == null || ids.contains(c.id))
                .filter(c -> updated.isAll() || updated.contains(ConsentMapper.lastUpdated(c)))
                .map(c -> labels.ofConsent(mapper.toFhir(c, today), c))
                .filter(c -> status == null || status.equals(c.getStatus().toCode()))
                .toList();
        int count = query.count();
        int offset = query.offset();
        List<org.hl7.fhir.r4.model.Consent> page = matches.subList(Math.min(offset, matches.size()), Math.min(offset + count, matches.size()));
        List<Resource> included = includes.isEmpty() || page.isEmpty() ? List.of() : List.of(patient(patientId));
        return SearchBundles.searchset(request, page, matches.size(), offset, count, included);
    }

    private Resource patient(UUID patientId) {
        Patient patient = patients.get(patientId);
        return labels.ofPatient(patientMapper.toFhir(patient), patientId);
    }
}
