package care.iop.plan.fhir.rest;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.fhir.FhirAccess;
import care.iop.fhir.FhirException;
import care.iop.plan.outcomes.service.AssessmentService;
import care.iop.plan.outcomes.service.AssessmentService.Recorded;
import care.iop.plan.outcomes.service.OutcomesConfig;
import care.iop.platform.web.Page;

/**
 * What the Observation and QuestionnaireResponse searches share: both search assessments ({@link AssessmentService},
 * which limits a patient to its own and audits), need a patient unless a patient token or ids say whose, read partial
 * dates in the program's time zone and apply {@code _lastUpdated} to when an assessment was recorded.
 */
@ApplicationScoped
public class AssessmentSearches {

    @Inject
    AssessmentService assessments;

    @Inject
    FhirAccess access;

    @Inject
    OutcomesConfig config;

    /** The {@code patient} parameter; 400 naming it when absent for staff, unless {@code ids} select the assessments. */
    UUID patient(SearchParams params, java.util.Set<UUID> ids) {
        UUID patient = params.reference("patient", "Patient");
        if (patient == null && ids == null && access.patientContext().isEmpty()) {
            throw FhirException.badRequest("Searches of assessments need the patient parameter", "patient");
        }
        return patient;
    }

    ZoneId zone() {
        return config.timeZone();
    }

    /** One page of the assessments that match (none when {@code matches} is false), recorded within {@code _lastUpdated}. */
    Page<Recorded> search(boolean matches, AssessmentService.Criteria criteria, SearchParams params) {
        if (!matches) {
            return new Page<>(List.of(), 0, params.count(), 0);
        }
        SearchParams.Window recorded = params.lastUpdated();
        return assessments.search(new AssessmentService.Criteria(criteria.patientId(), criteria.ids(), criteria.instruments(),
                criteria.takenFrom(), criteria.takenBefore(), recorded.from(), recorded.before()), params.offset(), params.count());
    }
}
