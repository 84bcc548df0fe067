package care.iop.plan.rest;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One lifecycle step: from (null for creation) → to, who, when, why (the reason is left out for a scheduler). */
@Schema(name = "StatusTransition")
public record TransitionView(String from, String to,
                             @Schema(description = "Why; left out for a scheduler (minimum necessary)") String reason,
                             String changedBy, OffsetDateTime changedAt) {

    /** The step without its reason (for a scheduler). */
    public TransitionView withoutReason() {
        return new TransitionView(from, to, null, changedBy, changedAt);
    }
}
