package care.iop.plan.discharge.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One instrument's scores of a discharge summary: the admission (baseline) score and the discharge score, either absent
 * when no assessment fell in its window ({@link care.iop.plan.discharge.service.DischargeScores}).
 */
public record InstrumentScores(String instrument, Score admission, Score discharge) {

    /** One scored assessment. */
    public record Score(UUID assessmentId, int total, String band, OffsetDateTime takenAt) {
    }

    /** discharge - admission (negative: improvement); null unless both are there. */
    public Integer change() {
        return admission == null || discharge == null ? null : discharge.total() - admission.total();
    }
}
