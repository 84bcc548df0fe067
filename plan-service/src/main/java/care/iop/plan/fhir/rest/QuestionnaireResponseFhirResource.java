package care.iop.plan.fhir.rest;

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

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

import care.iop.fhir.FhirAccess;
import care.iop.fhir.FhirAnswers;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.FhirRequest;
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

    /**
     * Scope QuestionnaireResponse.c. Records and scores an assessment as POST /api/v1/assessments does (a PHQ-9 item 9
     * above 0 raises a safety flag); 201 with Location at _history. A bad answer is 400, an element the recording
     * cannot take 422, each naming the element; nothing is stored.
     */
    @POST
    @Idempotent
    @Consumes({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    public Response create(QuestionnaireResponse response) {
        access.require(TYPE, Interaction.CREATE);
        QuestionnaireResponseReader.Recording recording = QuestionnaireResponseReader.read(response);
        Recorded recorded = RecordingRefusals.pointingInto(recording, () -> assessments.record(recording.patientId(),
                recording.instrument(), recording.answers(), recording.takenAt()));
        return FhirAnswers.created(QuestionnaireResponseMapper.toFhir(recorded.assessment()), request.baseUrl());
    }

    /**
     * Scope QuestionnaireResponse.r. A patient reads its own only; schedulers and callers outside the program get 403.
     * If-None-Match naming the current version answers 304.
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    public Response read(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return FhirAnswers.read(questionnaireResponse(id), ifNoneMatch);
    }

    /** Scope QuestionnaireResponse.r. Assessments never change: their one version is current; another answers 404. */
    @GET
    @Path("/{id}/_history/{vid}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    public Response vread(@PathParam("id") String id, @PathParam("vid") String versionId) {
        return FhirAnswers.vread(questionnaireResponse(id), versionId);
    }

    /**
     * Scope QuestionnaireResponse.s. Parameters _id, patient (required without _id, except for a patient token: its
     * own), questionnaire, authored, status (completed), _lastUpdated, _count, _offset. Oldest first.
     */
    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
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
        return QuestionnaireResponseMapper.toFhir(assessments.get(FhirAnswers.id(TYPE, id)).assessment());
    }
}
