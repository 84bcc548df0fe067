package care.iop.plan.discharge.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.discharge.domain.Referral;

/** An aftercare referral as the API carries it. */
@Schema(name = "DischargeReferral", description = "Where the patient is referred after discharge")
public record ReferralDto(
        @NotBlank @Size(max = 300) @Schema(example = "Riverside Community Mental Health") String organisation,
        @Size(max = 300) @Schema(example = "Outpatient CBT, weekly") String service,
        @Size(max = 300) @Schema(example = "intake desk, 555-0142", description = "Whom to contact (a desk or role, a phone)") String contact,
        @Schema(example = "2026-12-21", description = "Appointment or referral date") LocalDate date) {

    Referral referral() {
        return new Referral(organisation.strip(), service, contact, date);
    }

    static ReferralDto of(Referral r) {
        return new ReferralDto(r.organisation(), r.service(), r.contact(), r.date());
    }
}
