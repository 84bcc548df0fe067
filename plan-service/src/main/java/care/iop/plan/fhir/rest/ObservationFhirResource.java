package care.iop.plan.fhir.rest;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hl7.fhir.r4.model.Bundle;

import care.iop.fhir.FhirAccess;
import care.iop.fhir.FhirAnswers;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.FhirRequest;
import care.iop.fhir.Interaction;
import care.iop.fhir.SearchBundles;
import care.iop.plan.fhir.mapping.InstrumentCodes;
import care.iop.plan.fhir.mapping.ScreeningObservationMapper;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.outcomes.service.AssessmentService;
import care.iop.plan.outcomes.service.AssessmentService.Recorded;
import care.iop.platform.security.Roles;
import care.iop.platform.web.Page;

/**
 * Assessment totals as US Core screening assessment Observations (category survey, the instrument's LOINC total code):
 * read, vread (current version) and search by patient with category, code and date (US Core's SHALL combinations),
 * status and {@code _lastUpdated}, with {@code _include=Observation:derived-from} (the QuestionnaireResponse). Reads go
 * through {@link AssessmentService} (audit, a patient's own only).
 */
@Path(FhirMedia.BASE_PATH + "/Observation")
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
public class ObservationFhirResource {
    static final String TYPE = "Observation";
    static final Set<String> PARAMETERS = Set.of("patient", "category", "code", "date", "status");
    static final String INCLUDE_RESPONSE = "Observation:derived-from";

    @Inject
    FhirAccess access;

    @Inject
    FhirRequest request;

    @Inject
    AssessmentService assessments;

    @Inject
    AssessmentSearches searches;

    @Inject
    PlanFhirResources resources;

    /**
     * Scope Observation.r; the id is the assessment's (also its QuestionnaireResponse's). A patient reads its own only;
     * schedulers and callers outside the program get 403. If-None-Match naming the current version answers 304.
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    public Response read(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return FhirAnswers.read(observation(id), ifNoneMatch);
    }

    /** Scope Observation.r. Assessments never change: their one version is the current one; another answers 404. */
    @GET
    @Path("/{id}/_history/{vid}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    public Response vread(@PathParam("id") String id, @PathParam("vid") String versionId) {
        return FhirAnswers.vread(observation(id), versionId);
    }

    /**
     * Scope Observation.s. Parameters patient (required, except for a patient token: its own), category (survey), code
     * (LOINC totals), date, status (final), _lastUpdated, _include=Observation:derived-from (needs
     * QuestionnaireResponse.r too), _count, _offset. Oldest first.
     */
    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    public Bundle search() {
        access.require(TYPE, Interaction.SEARCH);
        SearchParams params = new SearchParams(request.queryParameters(), PARAMETERS);
        boolean responses = params.includes(Set.of(INCLUDE_RESPONSE)).contains(INCLUDE_RESPONSE);
        if (responses) {
            access.require(QuestionnaireResponseFhirResource.TYPE, Interaction.READ);
        }
        UUID patient = searches.patient(params, null);
        Set<Instrument> instruments = params.tokens("code", InstrumentCodes.LOINC,
                code -> InstrumentCodes.byTotal(code).map(InstrumentCodes::instrument));
        SearchParams.Window taken = params.dates("date", searches.zone());
        boolean matches = params.tokenAllows("category", ScreeningObservationMapper.CATEGORY_SYSTEM, ScreeningObservationMapper.CATEGORY)
                && params.tokenAllows("status", null, "final");
        Page<Recorded> found = searches.search(matches, new AssessmentService.Criteria(patient, null, instruments,
                taken.from(), taken.before(), null, null), params);
        return SearchBundles.searchset(request, resources.assessments(found.items(), Set.of(TYPE)), found.total(), params.offset(),
                params.count(), responses ? resources.assessments(found.items(), Set.of(QuestionnaireResponseFhirResource.TYPE)) : List.of());
    }

    private org.hl7.fhir.r4.model.Observation observation(String id) {
        access.require(TYPE, Interaction.READ);
        return ScreeningObservationMapper.toFhir(assessments.get(FhirAnswers.id(TYPE, id)).assessment());
    }
}
