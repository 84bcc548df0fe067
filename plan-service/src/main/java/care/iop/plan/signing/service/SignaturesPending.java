package care.iop.plan.signing.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import care.iop.plan.domain.CarePlan;
import care.iop.plan.domain.PlanStatus;
import care.iop.plan.signing.domain.PlanSignature;
import care.iop.plan.signing.domain.PlanVersion;
import care.iop.plan.signing.domain.SignerRole;
import care.iop.plan.worklist.service.WorklistSource;
import care.iop.platform.worklist.WorklistAction;
import care.iop.platform.worklist.WorklistItem;
import care.iop.platform.worklist.WorklistItemKind;

/**
 * PLAN_SIGNATURE: the plans whose latest version still lacks signatures ({@link SignatureRequirements}), for the clinician
 * who answers for them. The author (the plan's primary clinician) sees each of its plans with what is missing: its own
 * signature (the action signs), or the patient's, guardian's or a co-signer's (the action reads the version, to have it
 * signed). A licensed, active clinician also sees the other authors' plans awaiting a co-signer: nobody is assigned to
 * co-sign (no read model knows who supervises whom), any licensed clinician may. Signatures have no deadline: no due time.
 */
@ApplicationScoped
public class SignaturesPending implements WorklistSource {
    private static final List<PlanStatus> SIGNABLE = List.of(PlanStatus.DRAFT, PlanStatus.ACTIVE, PlanStatus.ON_HOLD);
    private static final String UNSIGNED = "select p, v from CarePlan p, PlanVersion v where v.planId = p.id and v.number = p.currentVersion"
            + " and v.signatureRequired = true and p.status in ?2 and (p.signedVersion is null or p.signedVersion <> p.currentVersion)";

    @Inject
    EntityManager em;

    @Inject
    SignatureRequirements requirements;

    @Inject
    ClinicianCredentials credentials;

    @Override
    public List<WorklistItem> itemsFor(UUID clinicianId, OffsetDateTime now, OffsetDateTime horizon) {
        List<WorklistItem> items = new ArrayList<>();
        List<Object[]> authored = unsigned("p.primaryClinicianId = ?1", clinicianId);
        Map<UUID, List<PlanSignature>> signatures = signatures(authored);
        for (Object[] row : authored) {
            CarePlan plan = (CarePlan) row[0];
            PlanVersion version = (PlanVersion) row[1];
            List<PlanSignature> given = signatures.getOrDefault(plan.id, List.of());
            List<SignerRole> pending = pending(requirements.required(plan, version, given), given);
            if (!pending.isEmpty()) {
                items.add(item(plan, version, pending, pending.contains(SignerRole.AUTHOR)));
            }
        }
        if (credentials.of(clinicianId).filter(c -> c.active() && credentials.licensed(c.credentials())).isPresent()) {
            List<Object[]> others = unsigned("p.primaryClinicianId <> ?1 and not exists (select 1 from PlanSignature s where s.planId = p.id"
                    + " and s.versionNumber = p.currentVersion and s.roleCode = 'co-signer')", clinicianId);
            Map<UUID, List<PlanSignature>> theirs = signatures(others);
            for (Object[] row : others) {
                CarePlan plan = (CarePlan) row[0];
                if (requirements.authorSupervised(plan, theirs.getOrDefault(plan.id, List.of()))) {
                    items.add(item(plan, (PlanVersion) row[1], List.of(SignerRole.CO_SIGNER), true));
                }
            }
        }
        return items;
    }

    private List<Object[]> unsigned(String condition, UUID clinicianId) {
        return em.createQuery(UNSIGNED + " and " + condition, Object[].class)
                .setParameter(1, clinicianId).setParameter(2, SIGNABLE).getResultList();
    }

    /** The signatures of each plan's current version, in one query. */
    private static Map<UUID, List<PlanSignature>> signatures(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Integer> current = rows.stream().collect(Collectors.toMap(r -> ((CarePlan) r[0]).id, r -> ((PlanVersion) r[1]).number));
        List<PlanSignature> all = PlanSignature.list("planId in ?1", current.keySet());
        return all.stream().filter(s -> current.get(s.planId) == s.versionNumber).collect(Collectors.groupingBy(s -> s.planId));
    }

    private static List<SignerRole> pending(List<SignerRole> required, List<PlanSignature> given) {
        return required.stream().filter(role -> given.stream().noneMatch(s -> s.role() == role)).toList();
    }

    /** {@code signs}: the clinician signs itself (author or co-signer), so the action records the signature. */
    private static WorklistItem item(CarePlan plan, PlanVersion version, List<SignerRole> pending, boolean signs) {
        String path = "/api/v1/plans/" + plan.id + "/versions/" + version.number;
        String missing = pending.stream().map(SignerRole::code).collect(Collectors.joining(", "));
        return new WorklistItem(WorklistItemKind.PLAN_SIGNATURE, "Plan version " + version.number + " awaits signatures: " + missing,
                plan.patientId, "CarePlanVersion", plan.id, null, false,
                signs ? WorklistAction.post(path + "/signatures") : WorklistAction.get(path));
    }
}
