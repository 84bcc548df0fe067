package care.iop.plan.fhir.rest;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

import care.iop.fhir.FhirAccess;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.FhirRequest;
import care.iop.fhir.FhirVersions;
import care.iop.fhir.Interaction;
import care.iop.fhir.SearchBundles;
import care.iop.plan.fhir.mapping.InstrumentCodes;
import care.iop.plan.fhir.mapping.QuestionnaireResponseMapper;
import care.iop.plan.fhir.mapping.QuestionnaireResponseReader;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.outcomes.service.AssessmentService;
import care.iop.plan.outcomes.service.AssessmentService.Recorded;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.security.Roles;
import care.iop.platform.web.Page;

/**
 * Assessments' answers as US Core QuestionnaireResponses: create (records and scores an assessment exactly as
 * {@code POST /api/v1/assessments}: same checks, same safety flag and event, in one transaction), read, vread (current
 * version) and search by {@code _id}, patient, questionnaire, authored, status and {@code _lastUpdated}.
 */
@Path(FhirMedia.BASE_PATH + "/QuestionnaireResponse")
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
@Tag(name = "FHIR", description = "FHIR R4 (US Core 6.1) faces of the plan service")
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "Role or SMART scope missing (OperationOutcome)", content = @Content(
        mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "forbidden", value = PlanFhirExamples.FORBIDDEN)))
public class QuestionnaireResponseFhirResource {
    static final String TYPE = "QuestionnaireResponse";
    static final Set<String> PARAMETERS = Set.of("_id", "patient", "questionnaire", "authored", "status");

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

    @POST
    @Idempotent
    @Consumes({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Operation(operationId = "createFhirQuestionnaireResponse", summary = "Record a score by a QuestionnaireResponse",
            description = "Scope QuestionnaireResponse.c. questionnaire names the instrument's LOINC questionnaire (http://loinc.org/q/44249-1"
                    + " PHQ-9, /69737-5 GAD-7, /72110-0 AUDIT, /82666-9 DAST-10); status completed; subject Patient/<id>; authored when"
                    + " taken (a date and time); one item per question, linkId its number (1 to 9 for PHQ-9), one valueInteger answer as"
                    + " the JSON API takes it (DAST-10: 1 yes, 0 no). Scored like POST /api/v1/assessments: a PHQ-9 item 9 above 0 raises"
                    + " a safety flag (event assessment.safety-flag-raised). A patient records only its own. Refusals are OperationOutcomes"
                    + " whose expression is the element's FHIRPath; nothing is stored. The answer is the recorded QuestionnaireResponse;"
                    + " the total is Observation/<same id>.")
    @RequestBody(required = true, content = @Content(mediaType = FhirMedia.FHIR_JSON, examples = {
            @ExampleObject(name = "PHQ-9", value = PlanFhirExamples.PHQ9_RESPONSE),
            @ExampleObject(name = "DAST-10", value = PlanFhirExamples.DAST10_RESPONSE) }))
    @APIResponse(responseCode = "201", description = "Recorded; Location QuestionnaireResponse/<id>/_history/<version>, ETag",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "recorded", value = PlanFhirExamples.PHQ9_RESPONSE)))
    @APIResponse(responseCode = "400", description = "Not FHIR JSON, or a required element missing, or an answer out of the item's range"
            + " (OperationOutcome naming the element)", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "out of range", value = PlanFhirExamples.ANSWER_OUT_OF_RANGE)))
    @APIResponse(responseCode = "404", description = "A patient recording for another patient (OperationOutcome)", content = @Content(
            mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "not found", value = PlanFhirExamples.NOT_FOUND)))
    @APIResponse(responseCode = "422", description = "Unknown questionnaire, status not completed, subject not a patient, authored missing"
            + " or only a day, an item unknown, twice or missing, an answer not one integer (OperationOutcome naming the element)",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "missing item", value = PlanFhirExamples.MISSING_ITEM)))
    public Response create(QuestionnaireResponse response) {
        access.require(TYPE, Interaction.CREATE);
        QuestionnaireResponseReader.Recording recording = QuestionnaireResponseReader.read(response);
        Recorded recorded = RecordingRefusals.pointingInto(recording, () -> assessments.record(recording.patientId(),
                recording.instrument(), recording.answers(), recording.takenAt()));
        QuestionnaireResponse created = QuestionnaireResponseMapper.toFhir(recorded.assessment());
        String version = created.getMeta().getVersionId();
        URI location = URI.create(request.baseUrl() + "/" + TYPE + "/" + created.getIdPart() + "/_history/" + version);
        return Response.created(location).header("ETag", FhirVersions.etag(Long.parseLong(version)))
                .lastModified(created.getMeta().getLastUpdated()).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Operation(operationId = "readFhirQuestionnaireResponse", summary = "Read an assessment's answers as a US Core QuestionnaireResponse",
            description = "Scope QuestionnaireResponse.r. A patient reads its own only; schedulers and callers outside the program do not"
                    + " read assessments (403).")
    @APIResponse(responseCode = "200", description = "The QuestionnaireResponse", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "QuestionnaireResponse", value = PlanFhirExamples.PHQ9_RESPONSE)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "404", description = "No such assessment, or another patient's (OperationOutcome)", content = @Content(
            mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "not found", value = PlanFhirExamples.NOT_FOUND)))
    public Response read(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return FhirReads.current(questionnaireResponse(id), ifNoneMatch);
    }

    @GET
    @Path("/{id}/_history/{vid}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Operation(operationId = "vreadFhirQuestionnaireResponse", summary = "Read a version of a QuestionnaireResponse",
            description = "Scope QuestionnaireResponse.r. Assessments never change: their one version is the current one; another answers 404.")
    @APIResponse(responseCode = "200", description = "The QuestionnaireResponse", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "QuestionnaireResponse", value = PlanFhirExamples.PHQ9_RESPONSE)))
    @APIResponse(responseCode = "404", description = "No such assessment or version (OperationOutcome)", content = @Content(
            mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "not found", value = PlanFhirExamples.NOT_FOUND)))
    public Response vread(@PathParam("id") String id, @PathParam("vid") String versionId) {
        return FhirReads.version(questionnaireResponse(id), versionId);
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Operation(operationId = "searchFhirQuestionnaireResponse", summary = "Search QuestionnaireResponses",
            description = "Scope QuestionnaireResponse.s. Parameters: _id, patient (required without _id, except for a patient token:"
                    + " its own), questionnaire (an instrument's LOINC questionnaire), authored (when taken; prefixes eq ge gt le lt),"
                    + " status (completed), _lastUpdated (when recorded), _count, _offset. Oldest first.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle with paging links", content = @Content(mediaType = FhirMedia.FHIR_JSON,
            examples = @ExampleObject(name = "searchset", value = PlanFhirExamples.SEARCHSET)))
    @APIResponse(responseCode = "400", description = "patient missing, an unknown parameter or a bad value (OperationOutcome naming it)",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, examples = @ExampleObject(name = "bad parameter", value = PlanFhirExamples.BAD_PARAMETER)))
    public Bundle search() {
        access.require(TYPE, Interaction.SEARCH);
        SearchParams params = new SearchParams(request.queryParameters(), PARAMETERS);
        Set<UUID> ids = params.ids();
        UUID patient = searches.patient(params, ids);
        Set<Instrument> instruments = params.values("questionnaire",
                canonical -> InstrumentCodes.byQuestionnaire(canonical).map(InstrumentCodes::instrument));
        SearchParams.Window authored = params.dates("authored", searches.zone());
        Page<Recorded> found = searches.search(params.tokenAllows("status", null, "completed"), new AssessmentService.Criteria(patient, ids,
                instruments, authored.from(), authored.before(), null, null), params);
        return SearchBundles.searchset(request, resources.assessments(found.items(), Set.of(TYPE)), found.total(), params.offset(),
                params.count(), List.of());
    }

    private QuestionnaireResponse questionnaireResponse(String id) {
        access.require(TYPE, Interaction.READ);
        return QuestionnaireResponseMapper.toFhir(assessments.get(FhirReads.uuid(TYPE, id)).assessment());
    }
}
