package care.iop.plan.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded review. */
@Schema(name = "Review")
public record ReviewView(UUID id, UUID planId, LocalDate reviewedOn, String summary, String decision, LocalDate nextReviewDue,
                         String recordedBy, OffsetDateTime recordedAt) {
}
