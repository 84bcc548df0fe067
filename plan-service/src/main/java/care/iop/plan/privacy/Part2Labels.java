package care.iop.plan.privacy;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import care.iop.events.Part2;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.readmodel.ReadModelWriter;
import care.iop.plan.service.PlanMapper;

/**
 * plan-service's Part 2 decision ({@link Part2}): a plan is Part 2 when its patient is, or when an SUD diagnosis
 * (F10-F19) is among its problems; such a plan labels its patient for good, so that every record of the patient
 * here (all its plans, doses, reviews, assessments) is treated as Part 2.
 */
@ApplicationScoped
public class Part2Labels {

    @Inject
    EntityManager em;

    @Inject
    ReadModelWriter readModel;

    @Inject
    PlanMapper mapper;

    /** The patient's label after this plan's problems are taken into account (labelling the patient when they carry an SUD diagnosis). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean patientLabelWith(CarePlan plan) {
        if (Part2.anyDiagnosis(mapper.problemCodes(plan))) {
            readModel.labelPart2(plan.patientId);
            return true;
        }
        return patientLabel(plan.patientId);
    }

    /** The stored label of a patient (false for a patient this service does not know). */
    public boolean patientLabel(UUID patientId) {
        return Boolean.TRUE.equals(em.createNativeQuery("select part2 from known_patient where patient_id = ?1")
                .setParameter(1, patientId).getResultStream().findFirst().orElse(false));
    }
}
