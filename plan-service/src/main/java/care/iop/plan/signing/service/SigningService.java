package care.iop.plan.signing.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import care.iop.plan.domain.CarePlan;
import care.iop.plan.domain.PlanStatus;
import care.iop.plan.service.PlanAccess;
import care.iop.plan.signing.domain.PlanSignature;
import care.iop.plan.signing.domain.PlanVersion;
import care.iop.plan.signing.domain.SignCommand;
import care.iop.plan.signing.domain.SignatureMethod;
import care.iop.plan.signing.domain.SignerRole;
import care.iop.plan.signing.domain.SigningStatus;
import care.iop.plan.signing.domain.VersionSignatures;
import care.iop.plan.signing.domain.VersionSignatures.State;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.problem.FieldError;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.problems.ProblemType;

/**
 * Reads a plan's versions and records their signatures; tells the lifecycle whether a plan may become active. A version is
 * fully signed when every role {@link SignatureRequirements} asks for has signed it; the latest fully signed version is the
 * version in force ({@code care_plan.signed_version}). A full signature does not activate a draft: activation stays an
 * explicit step (PUT /plans/{id}/status).
 */
@ApplicationScoped
public class SigningService {
    public static final String SIGNATURE_RESOURCE = "CarePlanSignature";
    static final String VERSION_RESOURCE = "CarePlanVersion";

    @Inject
    PlanAccess access;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    SignatureRequirements requirements;

    @Inject
    ClinicianCredentials credentials;

    @Inject
    SigningEvents events;

    /** Every version of the plan, oldest first, with its signatures. */
    @Transactional
    public List<VersionSignatures> versions(UUID planId) {
        CarePlan plan = access.visiblePlan(planId);
        Map<Integer, List<PlanSignature>> byVersion = PlanSignature.ofPlan(planId).stream()
                .collect(Collectors.groupingBy(s -> s.versionNumber));
        List<VersionSignatures> versions = PlanVersion.ofPlan(planId).stream()
                .map(v -> state(plan, v, byVersion.getOrDefault(v.number, List.of()))).toList();
        audit.success(AuditAction.READ, PlanAccess.RESOURCE, planId, plan.patientId);
        return versions;
    }

    /** One version with its snapshot and signatures; 404 when the plan has no such version. */
    @Transactional
    public VersionSignatures version(UUID planId, int number) {
        CarePlan plan = access.visiblePlan(planId);
        PlanVersion version = existing(plan, number);
        VersionSignatures state = state(plan, version, PlanSignature.ofVersion(planId, number));
        audit.success(AuditAction.READ, PlanAccess.RESOURCE, planId, plan.patientId);
        return state;
    }

    /**
     * Records a signature of version {@code number}. 403 (audited as denied) when the caller cannot sign in that role; 409
     * for a final plan, a superseded version, a version that needs no signature, or a role that already signed; 422 naming
     * the field for a role the version does not need, a method the caller cannot use, or a missing signer name or witness.
     */
    @Transactional
    public VersionSignatures sign(UUID planId, int number, SignCommand command) {
        CarePlan plan = access.planForUpdate(planId);
        PlanVersion version = existing(plan, number);
        ClinicianCredentials.Clinician clinician = requireSigner(plan, command.role());
        requireSignable(plan, version);
        List<PlanSignature> signatures = new ArrayList<>(PlanSignature.ofVersion(planId, number));
        if (signatures.stream().anyMatch(s -> s.role() == command.role())) {
            throw ProblemException.conflictWith(versionPath(plan, number),
                    "Version " + number + " of plan " + plan.id + " is already signed by the " + command.role());
        }
        requireNeeded(plan, version, signatures, command.role());
        requireMethod(command);

        PlanSignature signature = new PlanSignature();
        signature.id = UUID.randomUUID();
        signature.planId = plan.id;
        signature.versionNumber = number;
        signature.roleCode = command.role().code();
        signature.signer = user.subject();
        signature.signerName = blankToNull(command.signerName());
        signature.clinicianId = command.role().clinical() ? user.clinicianId().orElseThrow() : null;
        signature.credentials = clinician == null || clinician.credentials().isEmpty() ? null : String.join(",", clinician.credentials());
        signature.methodCode = command.method().code();
        signature.witness = blankToNull(command.witness());
        signature.signedAt = OffsetDateTime.now(ZoneOffset.UTC);
        signature.persist();
        signatures.add(signature);

        boolean complete = state(plan, version, signatures).pending().isEmpty();
        if (complete) {
            plan.signedVersion = number;
            plan.updatedAt = signature.signedAt;
        }
        events.signed(plan, signature, complete);
        audit.success(AuditAction.CREATE, SIGNATURE_RESOURCE, signature.id, plan.patientId);
        return state(plan, version, signatures);
    }

    /** For the plan's view: its latest version, the version in force and what the latest still lacks (nothing once the plan is final). */
    public SigningStatus status(CarePlan plan) {
        if (plan.currentVersion == 0 || plan.status.isTerminal() || (plan.signedVersion != null && plan.signedVersion == plan.currentVersion)) {
            return new SigningStatus(plan.currentVersion, plan.signedVersion, List.of());
        }
        PlanVersion current = PlanVersion.of(plan.id, plan.currentVersion).orElseThrow();
        return new SigningStatus(plan.currentVersion, plan.signedVersion,
                state(plan, current, PlanSignature.ofVersion(plan.id, plan.currentVersion)).pending());
    }

    /**
     * Activation needs signatures: a draft only once its current version is fully signed; a plan on hold resumes with its
     * version in force (an amendment awaiting signatures does not stop it, as it does not stop an active plan). Else 422
     * listing each missing signature (field {@code signatures}).
     */
    public void requireSignedForActivation(CarePlan plan, PlanStatus from) {
        boolean ready = from == PlanStatus.DRAFT ? plan.signedVersion != null && plan.signedVersion == plan.currentVersion
                : plan.signedVersion != null;
        if (ready) {
            return;
        }
        List<SignerRole> missing = status(plan).pendingSignatures();
        List<FieldError> errors = missing.stream()
                .map(role -> new FieldError("signatures", "version " + plan.currentVersion + " lacks the " + role + " signature")).toList();
        throw new ProblemException(ProblemType.UNPROCESSABLE, "Plan " + plan.id + " cannot become active before version " + plan.currentVersion
                + " is fully signed; missing: " + missing.stream().map(SignerRole::code).collect(Collectors.joining(", ")), errors);
    }

    VersionSignatures state(CarePlan plan, PlanVersion version, List<PlanSignature> signatures) {
        List<SignerRole> required = requirements.required(plan, version, signatures);
        Set<SignerRole> signed = signatures.stream().map(PlanSignature::role).collect(Collectors.toSet());
        List<SignerRole> pending = required.stream().filter(r -> !signed.contains(r)).toList();
        State state;
        if (!version.signatureRequired) {
            state = State.NO_SIGNATURE_NEEDED;
        } else if (pending.isEmpty()) {
            state = State.SIGNED;
        } else if (version.number < plan.currentVersion) {
            state = State.SUPERSEDED;
        } else {
            state = State.PENDING;
        }
        boolean inForce = plan.signedVersion != null && plan.signedVersion == version.number;
        return new VersionSignatures(version, signatures, required, state == State.SUPERSEDED ? List.of() : pending, state, inForce);
    }

    private static PlanVersion existing(CarePlan plan, int number) {
        return PlanVersion.of(plan.id, number).orElseThrow(() -> ProblemException.notFound(VERSION_RESOURCE, plan.id + "/versions/" + number));
    }

    /** 403 unless the caller may sign in {@code role}; the signing clinician for author and co-signer, else null. */
    private ClinicianCredentials.Clinician requireSigner(CarePlan plan, SignerRole role) {
        switch (role) {
            case AUTHOR -> {
                if (!user.clinicianId().map(plan.primaryClinicianId::equals).orElse(false)) {
                    throw denied(plan, "The author signs with their own clinician token: its clinician_id must be the plan's primaryClinicianId");
                }
                return credentials.of(plan.primaryClinicianId).orElse(new ClinicianCredentials.Clinician(false, List.of()));
            }
            case CO_SIGNER -> {
                UUID id = user.clinicianId().orElseThrow(() -> denied(plan, "A co-signer signs with their own clinician token (claim clinician_id)"));
                if (id.equals(plan.primaryClinicianId)) {
                    throw denied(plan, "The author cannot co-sign their own plan");
                }
                ClinicianCredentials.Clinician cosigner = credentials.of(id).filter(ClinicianCredentials.Clinician::active)
                        .orElseThrow(() -> denied(plan, "A co-signer must be an active clinician of the program"));
                if (!credentials.licensed(cosigner.credentials())) {
                    throw denied(plan, "A co-signer must hold a license: " + (cosigner.credentials().isEmpty() ? "no credentials are known"
                            : String.join(", ", cosigner.credentials()) + " practise under supervision"));
                }
                return cosigner;
            }
            case GUARDIAN -> {
                if (user.isPatientOnly()) {
                    throw denied(plan, "A patient token signs as the patient; staff record a guardian's signature");
                }
                return null;
            }
            default -> {
                return null; // the patient with its own token (PlanAccess matched it), or staff recording it
            }
        }
    }

    private ProblemException denied(CarePlan plan, String detail) {
        audit.deniedPatientAccess(SIGNATURE_RESOURCE, plan.id, plan.patientId);
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    private static void requireSignable(CarePlan plan, PlanVersion version) {
        if (plan.status.isTerminal()) {
            throw ProblemException.conflict("Plan " + plan.id + " is " + plan.status.code() + " and can no longer be signed");
        }
        if (version.number < plan.currentVersion) {
            throw ProblemException.conflictWith(versionPath(plan, plan.currentVersion), "Version " + version.number + " of plan " + plan.id
                    + " was superseded by version " + plan.currentVersion + ": sign that one");
        }
        if (!version.signatureRequired) {
            throw ProblemException.conflict("Version " + version.number + " of plan " + plan.id + " needs no signature");
        }
    }

    /** 422 naming {@code role} for a role this version does not take. */
    private void requireNeeded(CarePlan plan, PlanVersion version, List<PlanSignature> signatures, SignerRole role) {
        if (role == SignerRole.GUARDIAN && !requirements.adolescent(plan)) {
            throw ProblemException.ruleViolation("role", "The patient is an adult: the patient signs, not a guardian");
        }
        if (role == SignerRole.CO_SIGNER && !requirements.required(plan, version, signatures).contains(SignerRole.CO_SIGNER)) {
            throw ProblemException.ruleViolation("role", "Version " + version.number
                    + " needs no co-signer: the author's credentials need no supervision");
        }
    }

    /** The method the caller may use, and what it needs: a signer name for staff-recorded signatures, a witness for verbal ones. */
    private void requireMethod(SignCommand command) {
        boolean ownToken = command.role().clinical() || user.isPatientOnly();
        if (ownToken && command.method() != SignatureMethod.ELECTRONIC) {
            throw ProblemException.ruleViolation("method", "Signing with one's own token is electronic");
        }
        if (ownToken) {
            return;
        }
        if (command.method() == SignatureMethod.ELECTRONIC) {
            throw ProblemException.ruleViolation("method", "An electronic signature is the patient's own: staff record in-person or verbal ones");
        }
        if (blankToNull(command.signerName()) == null) {
            throw ProblemException.ruleViolation("signerName", "Name the " + command.role() + " who signed");
        }
        if (command.method() == SignatureMethod.VERBAL && blankToNull(command.witness()) == null) {
            throw ProblemException.ruleViolation("witness", "A verbal signature needs a witness");
        }
    }

    private static String versionPath(CarePlan plan, int number) {
        return "/api/v1/plans/" + plan.id + "/versions/" + number;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
