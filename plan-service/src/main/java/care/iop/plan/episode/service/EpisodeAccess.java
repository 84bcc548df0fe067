package care.iop.plan.episode.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import care.iop.plan.episode.domain.EpisodeOfCare;
import care.iop.platform.privacy.Disclosure;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;

/**
 * Loads an episode the caller may see, as plans are ({@code PlanAccess}): 404 when it does not exist, belongs to another
 * patient (patient tokens), or is a Part 2 record the caller outside the program has no consent for (audited as DENIED).
 */
@ApplicationScoped
public class EpisodeAccess {
    public static final String RESOURCE = "EpisodeOfCare";

    @Inject
    CurrentUser user;

    @Inject
    Disclosure disclosure;

    public EpisodeOfCare visible(UUID id) {
        return visible(EpisodeOfCare.findById(id), id);
    }

    /** Like {@link #visible} with a row lock, for commands. */
    public EpisodeOfCare forUpdate(UUID id) {
        return visible(EpisodeOfCare.findById(id, LockModeType.PESSIMISTIC_WRITE), id);
    }

    private EpisodeOfCare visible(EpisodeOfCare episode, UUID id) {
        if (episode == null) {
            throw ProblemException.notFound(RESOURCE, id);
        }
        user.requireAccessToPatient(episode.patientId, RESOURCE, id);
        disclosure.require(episode.patientId, RESOURCE, id);
        return episode;
    }
}
