package care.iop.plan.outcomes.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.outcomes.domain.SafetyFlag;

@Schema(description = "A safety concern raised by an assessment, open until a clinician acknowledges it")
public record SafetyFlagView(UUID id, UUID patientId, UUID assessmentId, Instrument instrument, String reason,
                             SafetyFlag.Status status, OffsetDateTime raisedAt, OffsetDateTime acknowledgedAt,
                             String acknowledgedBy, String acknowledgementNote, long version) {

    static SafetyFlagView of(SafetyFlag f) {
        return new SafetyFlagView(f.id, f.patientId, f.assessmentId, f.instrument, f.reason, f.status, f.raisedAt,
                f.acknowledgedAt, f.acknowledgedBy, f.acknowledgementNote, f.version);
    }
}
