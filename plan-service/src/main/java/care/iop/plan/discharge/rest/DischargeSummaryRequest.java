package care.iop.plan.discharge.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.discharge.service.SummaryDraft;

/** A clinician's part of a discharge summary (start and edit of a draft). */
@Schema(name = "DischargeSummaryRequest", description = "reason and dischargedOn left out keep the summary's (the discharge event's);"
        + " aftercarePlan and referrals replace the summary's")
public record DischargeSummaryRequest(
        @Pattern(regexp = REASONS, message = "must be one of " + REASONS)
        @Schema(type = SchemaType.STRING, enumeration = { "COMPLETED", "STEPPED_DOWN", "TRANSFERRED", "LEFT_AGAINST_ADVICE",
                "NON_ATTENDANCE", "ADMINISTRATIVE", "OTHER" }, example = "COMPLETED",
                description = "care.iop.events.DischargeReason name; at signing it must equal the discharge's") String reason,
        @Schema(example = "2026-12-18", description = "The (planned) discharge date; at signing it must equal the discharge's")
        LocalDate dischargedOn,
        @Size(max = 8000) @Schema(example = "Weekly outpatient therapy (ASAM 1)") String aftercarePlan,
        @Size(max = 20) List<@Valid @NotNull ReferralDto> referrals) {
    static final String REASONS = "COMPLETED|STEPPED_DOWN|TRANSFERRED|LEFT_AGAINST_ADVICE|NON_ATTENDANCE|ADMINISTRATIVE|OTHER";

    SummaryDraft draft() {
        return new SummaryDraft(reason, dischargedOn, aftercarePlan,
                referrals == null ? List.of() : referrals.stream().map(ReferralDto::referral).toList());
    }
}
