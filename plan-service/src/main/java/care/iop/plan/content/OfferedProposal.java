package care.iop.plan.content;

import java.time.OffsetDateTime;
import java.util.List;

import care.iop.events.ModalityMix;

/**
 * A proposal offered on an active plan after the patient's group comfort or preferred modality changed: shown on the plan,
 * never applied by the service (a clinician applies it with a modality change carrying its interventions).
 * {@code patientVersion} is the patient event's version that caused it: a redelivered or older event offers nothing new.
 */
public record OfferedProposal(String step, List<Intervention> interventions, ModalityMix modality, StepUp stepUp, String rationale,
                              String reason, OffsetDateTime offeredAt, long patientVersion) {

    public OfferedProposal {
        interventions = interventions == null ? List.of() : List.copyOf(interventions);
    }
}
