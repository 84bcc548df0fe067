package care.iop.plan.rest;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One lifecycle step: from (null for creation) → to, who, when, why. */
@Schema(name = "StatusTransition")
public record TransitionView(String from, String to, String reason, String changedBy, OffsetDateTime changedAt) {
}
