package care.iop.plan.risk.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.risk.domain.SafetyPlanSections;
import care.iop.plan.risk.service.RecordSafetyPlan;

@Schema(description = "A Stanley-Brown safety plan, section by section (every section present, possibly empty). When no"
        + " professional or crisis line is marked crisisLine, the 988 Suicide & Crisis Lifeline is added.")
public record SafetyPlanRequest(
        @NotNull @Schema(example = "7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11") UUID patientId,
        @Schema(description = "The screen the plan follows (optional; the same patient's)") UUID screenId,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 500) String> warningSigns,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 500) String> internalCopingStrategies,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 500) String> peopleAndPlacesForDistraction,
        @NotNull @Size(max = 20) List<@NotNull @Valid ContactRequest> peopleToAskForHelp,
        @NotNull @Size(max = 20) List<@NotNull @Valid ContactRequest> professionalsAndCrisisLines,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 500) String> makingTheEnvironmentSafe,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 500) String> reasonsForLiving) {

    @Schema(description = "Someone to call; crisisLine marks a crisis line such as 988")
    public record ContactRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 50) String phone, boolean crisisLine) {
        SafetyPlanSections.Contact contact() {
            return new SafetyPlanSections.Contact(name.strip(), phone.strip(), crisisLine);
        }
    }

    RecordSafetyPlan command() {
        return new RecordSafetyPlan(patientId, screenId, new SafetyPlanSections(strip(warningSigns), strip(internalCopingStrategies),
                strip(peopleAndPlacesForDistraction), contacts(peopleToAskForHelp), contacts(professionalsAndCrisisLines),
                strip(makingTheEnvironmentSafe), strip(reasonsForLiving)));
    }

    private static List<String> strip(List<String> lines) {
        return lines.stream().map(String::strip).toList();
    }

    private static List<SafetyPlanSections.Contact> contacts(List<ContactRequest> contacts) {
        return contacts.stream().map(ContactRequest::contact).toList();
    }
}
