package care.iop.plan.risk.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.risk.domain.SafetyPlan;
import care.iop.plan.risk.domain.SafetyPlanSections;

@Schema(description = "One version of a patient's Stanley-Brown safety plan; the latest version is the one in force")
public record SafetyPlanView(UUID id, UUID patientId, int planVersion, UUID supersedesId, UUID screenId, List<String> warningSigns,
                             List<String> internalCopingStrategies, List<String> peopleAndPlacesForDistraction,
                             List<SafetyPlanSections.Contact> peopleToAskForHelp,
                             List<SafetyPlanSections.Contact> professionalsAndCrisisLines, List<String> makingTheEnvironmentSafe,
                             List<String> reasonsForLiving, OffsetDateTime recordedAt, String recordedBy, long version) {

    static SafetyPlanView of(SafetyPlan p) {
        SafetyPlanSections s = p.sections;
        return new SafetyPlanView(p.id, p.patientId, p.planVersion, p.supersedesId, p.screenId, s.warningSigns(),
                s.internalCopingStrategies(), s.peopleAndPlacesForDistraction(), s.peopleToAskForHelp(),
                s.professionalsAndCrisisLines(), s.makingTheEnvironmentSafe(), s.reasonsForLiving(), p.recordedAt, p.recordedBy,
                p.version);
    }
}
