package care.iop.plan.discharge.domain;

import java.time.LocalDate;

/** An aftercare referral: to which organisation and service, whom to contact, and the appointment or referral date. */
public record Referral(String organisation, String service, String contact, LocalDate date) {
}
