package care.iop.plan.episode.domain;

import java.time.LocalDate;
import java.util.UUID;

import care.iop.events.ModalityMix;

/**
 * A level-of-care change of an episode: to which level, from which day (null: today), why, the assessment that justified
 * it (null: none), and the plan's new mix (null: the current mix, checked against the new level) with the request field
 * that carries it ({@code modality}).
 */
public record LevelChangeCommand(String toLevel, LocalDate effectiveOn, String reason, UUID assessmentId, ModalityMix modality,
                                 String modalityField) {
}
