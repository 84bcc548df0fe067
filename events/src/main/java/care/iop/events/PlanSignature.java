package care.iop.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Carried by {@link EventTypes#PLAN_SIGNED} on {@link Topics#PLANS} (key: the plan id): one signature of one version of a
 * plan. No names or witnesses (no free text in events): who signed stays in plan-service.
 *
 * @param versionNumber the plan version signed (1, 2, ...)
 * @param role patient, guardian, author or co-signer
 * @param method in-person, electronic or verbal
 * @param versionSigned true when this signature completed the version's signatures: it is now the version in force
 * @param versionInForce the latest fully signed version after this signature (null while none is)
 * @param status the plan's FHIR status (a signature never changes it: activation is its own step)
 * @param version the plan's version (optimistic lock) after the signature
 * @param part2 the plan is a 42 CFR Part 2 record, as in {@link PlanState}
 */
public record PlanSignature(UUID planId, UUID patientId, int versionNumber, String role, String method, OffsetDateTime signedAt,
                            boolean versionSigned, Integer versionInForce, String status, long version, Boolean part2) {
}
