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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;

import care.iop.fhir.FhirAccess;
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
@Tag(name = "FHIR", description = "FHIR R4 (US Core 6.1) faces of the plan service")
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "Role or SMART scope missing (OperationOutcome)", content = @Content(
        mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "forbidden", value = PlanFhirExamples.FORBIDDEN)))
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

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Operation(operationId = "readFhirObservation", summary = "Read an assessment's total score as a US Core screening Observation",
            description = "Scope Observation.r. The id is the assessment's (also its QuestionnaireResponse's). A patient reads its own only;"
                    + " schedulers and callers outside the program do not read assessments (403).")
    @APIResponse(responseCode = "200", description = "The Observation", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "Observation", value = PlanFhirExamples.OBSERVATION)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "404", description = "No such assessment, or another patient's (OperationOutcome)", content = @Content(
            mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "not found", value = PlanFhirExamples.NOT_FOUND)))
    public Response read(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return FhirReads.current(observation(id), ifNoneMatch);
    }

    @GET
    @Path("/{id}/_history/{vid}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Operation(operationId = "vreadFhirObservation", summary = "Read a version of an Observation",
            description = "Scope Observation.r. Assessments never change: their one version is the current one; another answers 404.")
    @APIResponse(responseCode = "200", description = "The Observation", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "Observation", value = PlanFhirExamples.OBSERVATION)))
    @APIResponse(responseCode = "404", description = "No such assessment or version (OperationOutcome)", content = @Content(
            mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "not found", value = PlanFhirExamples.NOT_FOUND)))
    public Response vread(@PathParam("id") String id, @PathParam("vid") String versionId) {
        return FhirReads.version(observation(id), versionId);
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Operation(operationId = "searchFhirObservation", summary = "Search screening Observations",
            description = "Scope Observation.s. Parameters: patient (required, except for a patient token: its own), category (survey),"
                    + " code (LOINC totals: 44261-6 PHQ-9, 70274-6 GAD-7, 75624-7 AUDIT, 82667-7 DAST-10; comma for alternatives), date"
                    + " (when taken; prefixes eq ge gt le lt, repeat for a range), status (final), _lastUpdated (when recorded),"
                    + " _include=Observation:derived-from (needs QuestionnaireResponse.r too), _count, _offset. Oldest first.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle with paging links", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "searchset", value = PlanFhirExamples.SEARCHSET)))
    @APIResponse(responseCode = "400", description = "patient missing, an unknown parameter or a bad value (OperationOutcome naming it)",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "bad parameter", value = PlanFhirExamples.BAD_PARAMETER)))
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
        return ScreeningObservationMapper.toFhir(assessments.get(FhirReads.uuid(TYPE, id)).assessment());
    }
}
