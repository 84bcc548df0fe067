package care.iop.plan.discharge.service;

import java.time.LocalDate;
import java.util.List;

import care.iop.plan.discharge.domain.Referral;

/**
 * A clinician's part of a draft summary: the coded reason ({@link care.iop.events.DischargeReason} name) and discharge date
 * (null: keep what the summary has, e.g. the discharge event's), the aftercare plan and the referrals (replaced as given).
 */
public record SummaryDraft(String reason, LocalDate dischargedOn, String aftercarePlan, List<Referral> referrals) {
}
