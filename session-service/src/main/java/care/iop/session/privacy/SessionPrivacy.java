package care.iop.session.privacy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.platform.privacy.Disclosure;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.security.Roles;
import care.iop.problems.ProblemType;
import care.iop.session.domain.TherapySession;
import io.quarkus.security.ForbiddenException;

/**
 * The Part 2 rule and the minimum-necessary rule applied to sessions (docs/security.md, "session-service specifics"):
 * an INDIVIDUAL or FAMILY session (and series) is its patient's record; a GROUP session is nobody's record, but each
 * member on its roster or attendance is.
 */
@ApplicationScoped
public class SessionPrivacy {

    @Inject
    Disclosure disclosure;

    @Inject
    CurrentUser user;

    /** Before answering a session: 404 (audited as DENIED) when it is the record of a patient the caller may not see. */
    public void requireSession(TherapySession session, String resourceType) {
        if (session.patientId != null) {
            disclosure.require(session.patientId, resourceType, session.id);
        }
    }

    /**
     * True when the caller may see the records of {@code patientId}; otherwise the refusal is audited as DENIED with its
     * reason (for a search about that patient, which then finds nothing).
     */
    public boolean permits(UUID patientId, String resourceType, Object resourceId) {
        try {
            disclosure.require(patientId, resourceType, resourceId);
            return true;
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** The sessions the caller may see, in their order: group sessions, and the others whose patient it may see. */
    public List<TherapySession> visible(List<TherapySession> sessions) {
        if (!disclosure.external()) {
            return sessions;
        }
        List<TherapySession> ofOnePatient = sessions.stream().filter(s -> s.patientId != null).toList();
        Set<UUID> allowed = disclosure.retain(ofOnePatient, s -> s.patientId).stream().map(s -> s.patientId).collect(Collectors.toSet());
        return sessions.stream().filter(s -> s.patientId == null || allowed.contains(s.patientId)).toList();
    }

    /** For a list query: empty for staff (no filter); else the Part 2 patients whose sessions the caller may see. */
    public Optional<Set<UUID>> visiblePart2Patients() {
        return disclosure.visiblePart2Patients();
    }

    /** The members of a roster or attendance the caller may see, in their order. */
    public <T> List<T> members(List<T> items, Function<T, UUID> patientOf) {
        return disclosure.retain(items, patientOf);
    }

    /** Free-text notes (the group note, attendee notes) are for clinicians and admins of the program only. */
    public boolean mayReadNotes() {
        return (user.hasRole(Roles.CLINICIAN) || user.hasRole(Roles.ADMIN)) && !disclosure.external();
    }

    /**
     * Progress notes are clinical documentation: clinicians and admins of the program read and write them; anyone else,
     * a caller outside the program (an external role) included, gets 403 (audited as denied), so no Part 2 note is ever
     * disclosed through this API.
     */
    public void requireClinicalStaff() {
        if (!mayReadNotes()) {
            throw new ForbiddenException();
        }
    }
}
