package care.iop.plan.content.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.plan.content.Goal;
import care.iop.plan.content.Intervention;
import care.iop.plan.content.InterventionMix;
import care.iop.plan.content.OfferedProposal;
import care.iop.plan.content.PlanContent;
import care.iop.plan.content.Problem;
import care.iop.plan.domain.CarePlan;

/**
 * The plan's structure in its JSON columns ({@code problems}, {@code goals}, {@code interventions}, {@code offered_proposal}).
 * Plans stored before the structure existed read as if written today: their elements get ids in order (P1, G1, ...) and
 * their interventions follow from their modality mix ({@link InterventionMix#fromMix}).
 */
@ApplicationScoped
public class PlanDocuments {

    @Inject
    ObjectMapper json;

    public PlanContent read(CarePlan plan) {
        List<Intervention> interventions = read(plan.interventions, new TypeReference<List<Intervention>>() { });
        if (interventions.isEmpty() && plan.modality().weeklyHours() > 0) {
            interventions = InterventionMix.fromMix(plan.modality(), plan.primaryClinicianId, List.of());
        }
        return new PlanContent(read(plan.problems, new TypeReference<List<Problem>>() { }),
                read(plan.goals, new TypeReference<List<Goal>>() { }), interventions).withIds();
    }

    /** Stores the content (its ids given). */
    public void write(CarePlan plan, PlanContent content) {
        plan.problems = write(content.problems());
        plan.goals = write(content.goals());
        plan.interventions = write(content.interventionList());
    }

    /** The ICD-10-CM codes of the plan's problems. */
    public List<String> problemCodes(CarePlan plan) {
        return read(plan.problems, new TypeReference<List<Problem>>() { }).stream().map(Problem::code).toList();
    }

    public OfferedProposal offer(CarePlan plan) {
        try {
            return plan.offeredProposal == null ? null : json.readValue(plan.offeredProposal, OfferedProposal.class);
        } catch (Exception e) {
            throw new IllegalStateException("Stored offered proposal is unreadable", e);
        }
    }

    public void writeOffer(CarePlan plan, OfferedProposal offer) {
        plan.offeredProposal = offer == null ? null : write(offer);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot serialize plan document", e);
        }
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        try {
            return text == null ? List.of() : json.readValue(text, type);
        } catch (Exception e) {
            throw new IllegalStateException("Stored plan document is unreadable", e);
        }
    }
}
