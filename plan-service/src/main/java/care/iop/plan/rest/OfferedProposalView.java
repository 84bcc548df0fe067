package care.iop.plan.rest;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A proposal offered on an active plan after the patient's group comfort or preferred modality changed; not applied. */
@Schema(name = "OfferedProposal", description = "Offered when the patient's group comfort or preferred modality changed while the plan was"
        + " active; never applied by the service. Apply it with POST /plans/{id}/modality-changes carrying its interventions (that clears"
        + " it); a change of the plan's interventions clears it too.")
public record OfferedProposalView(
        @Schema(example = "individual-heavy", description = "individual-heavy, mixed, group-heavy or individual-only") String step,
        List<InterventionDto> interventions,
        @Schema(description = "The mix the interventions make") ModalityDto modality,
        StepUpView stepUp,
        String rationale,
        @Schema(example = "group comfort COMFORTABLE -> UNCOMFORTABLE") String reason,
        OffsetDateTime offeredAt) {

    /** The step a proposal suggests next. */
    @Schema(name = "StepUp", description = "kind modality: the next step toward group work (to: mixed, group-heavy); kind level-of-care: a"
            + " more intensive level (to: 2.1, 2.5, or absent above 2.5)")
    public record StepUpView(@Schema(example = "level-of-care") String kind, @Schema(example = "2.5") String to, String when) {
    }
}
