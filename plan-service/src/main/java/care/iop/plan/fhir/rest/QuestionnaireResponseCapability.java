package care.iop.plan.fhir.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

import care.iop.fhir.FhirResourceCapability;
import care.iop.plan.fhir.mapping.QuestionnaireResponseMapper;
import care.iop.plan.fhir.rest.Capabilities.Param;

/** What {@link QuestionnaireResponseFhirResource} implements. */
@ApplicationScoped
public class QuestionnaireResponseCapability implements FhirResourceCapability {
    @Override
    public CapabilityStatementRestResourceComponent describe() {
        return Capabilities.resource(QuestionnaireResponseFhirResource.TYPE, QuestionnaireResponseMapper.PROFILE,
                "Assessment answers to the instruments' LOINC questionnaires (http://loinc.org/q/44249-1 PHQ-9, /69737-5 GAD-7,"
                        + " /72110-0 AUDIT, /82666-9 DAST-10), linkId the item number, valueInteger answers. create records and scores"
                        + " an assessment as POST /api/v1/assessments does.",
                List.of(TypeRestfulInteraction.CREATE, TypeRestfulInteraction.READ, TypeRestfulInteraction.VREAD,
                        TypeRestfulInteraction.SEARCHTYPE),
                List.of(Param.usCore("questionnaireresponse", "_id", SearchParamType.TOKEN),
                        Param.usCore("questionnaireresponse", "patient", SearchParamType.REFERENCE),
                        Param.usCore("questionnaireresponse", "questionnaire", SearchParamType.REFERENCE),
                        Param.usCore("questionnaireresponse", "authored", SearchParamType.DATE),
                        Param.usCore("questionnaireresponse", "status", SearchParamType.TOKEN), Capabilities.LAST_UPDATED),
                List.of());
    }
}
