package care.iop.platform.privacy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import care.iop.platform.audit.AuditLog;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.time.ProgramTime;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The 42 CFR Part 2 gate of one request. For program staff it lets everything through (they use the records
 * for treatment). For a caller outside the program ({@link PrivacyConfig#externalRoles()}) every answer about a
 * Part 2 patient is a disclosure: it needs an active PART2_DISCLOSURE consent of that patient whose recipient is
 * the calling client, whose purposes include the request's purpose and which has not expired. Without one, a
 * read answers 404 exactly as if the record did not exist and is audited as DENIED with the reason; a list
 * leaves the patient out. With one, the consent used is remembered for the audit row and the answer carries the
 * re-disclosure notice ({@link Part2Notice}).
 * <p>
 * The services call {@link #require} before answering a record of one patient, and filter lists with
 * {@link #visiblePart2Patients()} (in SQL) or {@link #retain} (in memory). As a safety net, {@link AuditLog}
 * attributes every audited answer to its consent through {@link #attribute}: an answer that would carry Part 2
 * records of a patient without consent to an external caller fails (500) instead of leaving.
 */
@RequestScoped
public class Disclosure {
    public static final String NO_CONSENT = "PART2_NO_CONSENT";
    public static final String WRONG_RECIPIENT = "PART2_CONSENT_OTHER_RECIPIENT";
    public static final String PURPOSE_NOT_COVERED = "PART2_CONSENT_PURPOSE_NOT_COVERED";
    public static final String EXPIRED = "PART2_CONSENT_EXPIRED";
    public static final String UNKNOWN_PATIENT = "PART2_LABEL_UNKNOWN";
    static final String PURPOSE_CLAIM = "purpose_of_use";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    /** Application-scoped: this bean is created per request, its configuration is not looked up again each time. */
    @Inject
    PrivacySettings settings;

    @Inject
    Instance<PrivacyFacts> facts;

    @Inject
    AuditLog audit;

    @Inject
    ProgramTime time;

    private Boolean external;
    private final Map<UUID, UUID> consentUsed = new HashMap<>();
    private final Set<UUID> disclosable = new HashSet<>();
    private Set<UUID> visible;
    private boolean noticeRequired;

    /** True when the caller is outside the program: any answer about a Part 2 patient is a disclosure. */
    public boolean external() {
        if (external == null) {
            external = !identity.isAnonymous() && settings.config().externalRoles().stream().anyMatch(identity::hasRole);
        }
        return external;
    }

    /** The calling client as a consent names it: the first of {@link PrivacyConfig#clientIdentityClaims()} the token has. */
    public String recipient() {
        for (String claim : settings.config().clientIdentityClaims()) {
            Object value = jwt.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                return value.toString().replace("\"", "");
            }
        }
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    /** The purpose the token states ({@code purpose_of_use}), else the default; empty when the claim names no known purpose. */
    public Optional<Purpose> purpose() {
        Object claim = jwt.getClaim(PURPOSE_CLAIM);
        return claim == null ? Optional.of(settings.config().defaultPurpose()) : Purpose.parse(claim.toString().replace("\"", ""));
    }

    /**
     * Before answering a record of {@code patientId}: nothing for staff; for an external caller 404 (audited as
     * DENIED with the reason) unless the patient is not Part 2 or a matching consent is active.
     */
    public void require(UUID patientId, String resourceType, Object resourceId) {
        if (!external() || disclosable.contains(patientId)) {
            return;
        }
        PatientPrivacy privacy = facts().of(List.of(patientId)).get(patientId);
        String refusal = decide(patientId, privacy);
        if (refusal != null) {
            audit.deniedDisclosure(resourceType, resourceId, patientId, refusal);
            throw ProblemException.notFound(resourceType, resourceId);
        }
    }

    /** True when records of {@code patientId} may be answered to the caller (no audit; see {@link #require}). */
    public boolean allowed(UUID patientId) {
        if (!external() || disclosable.contains(patientId)) {
            return true;
        }
        return decide(patientId, facts().of(List.of(patientId)).get(patientId)) == null;
    }

    /**
     * The items whose patient may be answered to the caller, in their order: all of them for staff. An item of no
     * patient ({@code patientOf} answers null, e.g. a group session) is kept: it is nobody's record.
     */
    public <T> List<T> retain(List<T> items, Function<T, UUID> patientOf) {
        if (!external() || items.isEmpty()) {
            return items;
        }
        Set<UUID> ids = new HashSet<>();
        items.forEach(item -> ids.add(patientOf.apply(item)));
        ids.remove(null);
        Map<UUID, PatientPrivacy> known = facts().of(ids);
        Set<UUID> keep = new HashSet<>();
        for (UUID id : ids) {
            if (decide(id, known.get(id)) == null) {
                keep.add(id);
            }
        }
        return items.stream().filter(item -> {
            UUID patient = patientOf.apply(item);
            return patient == null || keep.contains(patient);
        }).toList();
    }

    /**
     * For a list query: empty for staff (no filter); for an external caller the Part 2 patients it may see
     * (a row of a Part 2 patient not in this set must be left out of the list and of its total).
     */
    public Optional<Set<UUID>> visiblePart2Patients() {
        if (!external()) {
            return Optional.empty();
        }
        if (visible == null) {
            Optional<Purpose> purpose = purpose();
            visible = purpose.isEmpty() ? Set.of()
                    : Set.copyOf(facts().part2PatientsDisclosableTo(recipient(), purpose.get(), today()));
        }
        return Optional.of(visible);
    }

    /**
     * Called by the audit trail for every patient whose records are in an answer: remembers the consent each
     * disclosure relies on (for the audit row) and that the answer needs the re-disclosure notice. Fails for a
     * Part 2 patient without consent: a filter was missed, and the answer must not leave.
     */
    public void attribute(Collection<UUID> patientIds) {
        if (!external()) {
            return;
        }
        Set<UUID> unknown = new HashSet<>();
        for (UUID id : patientIds) {
            if (id != null && !disclosable.contains(id)) {
                unknown.add(id);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        Map<UUID, PatientPrivacy> known = facts().of(unknown);
        for (UUID id : unknown) {
            if (decide(id, known.get(id)) != null) {
                throw new IllegalStateException("Part 2 records of a patient reached an answer to an external caller without consent");
            }
        }
    }

    /** The consent a disclosure of {@code patientId}'s records relies on, if one did. */
    public Optional<UUID> consentFor(UUID patientId) {
        return Optional.ofNullable(consentUsed.get(patientId));
    }

    /** True once a Part 2 record was disclosed in this request: the answer carries the notice. */
    public boolean noticeRequired() {
        return noticeRequired;
    }

    /** The reason to refuse, or null when the patient's records may be answered (remembering the consent used). */
    private String decide(UUID patientId, PatientPrivacy privacy) {
        if (privacy == null) {
            return UNKNOWN_PATIENT;
        }
        if (!privacy.part2()) {
            disclosable.add(patientId);
            return null;
        }
        Optional<Purpose> purpose = purpose();
        String recipient = recipient();
        LocalDate today = today();
        String reason = NO_CONSENT;
        for (DisclosureConsent consent : privacy.consents()) {
            if (purpose.isPresent() && consent.covers(recipient, purpose.get(), today)) {
                consentUsed.put(patientId, consent.consentId());
                disclosable.add(patientId);
                noticeRequired = true;
                return null;
            }
            reason = strongest(reason, refusal(consent, recipient, purpose, today));
        }
        return reason;
    }

    /** Why this consent does not cover the request: the recipient first, then the purpose, then the date. */
    private static String refusal(DisclosureConsent consent, String recipient, Optional<Purpose> purpose, LocalDate today) {
        if (consent.recipientId() == null || !consent.recipientId().equals(recipient)) {
            return WRONG_RECIPIENT;
        }
        if (purpose.isEmpty() || consent.purposes() == null || !consent.purposes().contains(purpose.get())) {
            return PURPOSE_NOT_COVERED;
        }
        return EXPIRED;
    }

    /** Of two reasons, the one closest to a match (a consent for this caller that expired says more than one for another). */
    private static String strongest(String a, String b) {
        List<String> order = List.of(NO_CONSENT, WRONG_RECIPIENT, PURPOSE_NOT_COVERED, EXPIRED);
        return order.indexOf(b) > order.indexOf(a) ? b : a;
    }

    private LocalDate today() {
        return time.today();
    }

    private PrivacyFacts facts() {
        return facts.get();
    }
}
