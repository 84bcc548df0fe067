package care.iop.session.notes.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import care.iop.platform.privacy.NameFingerprints;
import care.iop.platform.privacy.PrivacyConfig;
import care.iop.platform.problem.ProblemException;
import care.iop.session.domain.ReadModels;

/**
 * Group confidentiality (domain.md): a note in one patient's chart, and a group's narrative, never names another member of
 * the session. session-service holds no names: it checks a text against the members' ids and the keyed fingerprints of
 * their names and identifier values that patient events carry ({@link NameFingerprints}), in any case, spacing and
 * accent, and refuses with the field and the position, never the name (422).
 */
@ApplicationScoped
public class GroupConfidentiality {
    static final String NAMES_A_MEMBER = "names another member of this session: a note never names another group member";

    @Inject
    EntityManager em;

    @Inject
    ReadModels readModels;

    /** Holds the key of the fingerprints: a secret, the same as participant-service's (docs/security.md, "Name fingerprints"). */
    @Inject
    PrivacyConfig privacy;

    private NameFingerprints fingerprints;

    @PostConstruct
    void init() {
        fingerprints = new NameFingerprints(privacy.fingerprintKey().orElse(null));
    }

    /** The members of a session but {@code own} (null: all): its booked patients and those with attendance. */
    @SuppressWarnings("unchecked")
    public Set<UUID> otherMembers(UUID sessionId, UUID own) {
        List<UUID> members = em.createNativeQuery("""
                        select patient_id from booking where session_id = ?1 and status = 'BOOKED'
                        union select patient_id from attendance where session_id = ?1""", UUID.class)
                .setParameter(1, sessionId).getResultList();
        Set<UUID> others = new LinkedHashSet<>(members);
        if (own != null) {
            others.remove(own);
        }
        return others;
    }

    /**
     * 422 naming the first field (in the map's order) whose text names one of {@code others}, by id or by a name or
     * identifier their fingerprints match, with the first offending position ({@code offset}, {@code length}).
     */
    public void requireNoneNamed(Map<String, String> texts, Collection<UUID> others) {
        if (others.isEmpty()) {
            return;
        }
        List<String> known = new ArrayList<>();
        readModels.nameFingerprints(others).values().forEach(known::addAll);
        for (Map.Entry<String, String> field : texts.entrySet()) {
            String text = field.getValue();
            if (text == null || text.isEmpty()) {
                continue;
            }
            Optional<NameFingerprints.Match> found = firstOf(byId(text, others), fingerprints.find(text, known));
            if (found.isPresent()) {
                NameFingerprints.Match match = found.get();
                throw ProblemException.ruleViolationAt(field.getKey(), field.getKey() + " " + NAMES_A_MEMBER + " (at offset "
                        + match.offset() + ", length " + match.length() + ")", match.offset(), match.length());
            }
        }
    }

    private static Optional<NameFingerprints.Match> byId(String text, Collection<UUID> others) {
        NameFingerprints.Match first = null;
        for (UUID other : others) {
            String id = other.toString();
            int at = indexOfIgnoringCase(text, id);
            if (at >= 0 && (first == null || at < first.offset())) {
                first = new NameFingerprints.Match(at, id.length());
            }
        }
        return Optional.ofNullable(first);
    }

    private static int indexOfIgnoringCase(String text, String part) {
        for (int i = 0; i + part.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<NameFingerprints.Match> firstOf(Optional<NameFingerprints.Match> a, Optional<NameFingerprints.Match> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().offset() <= b.get().offset() ? a.get() : b.get());
    }
}
