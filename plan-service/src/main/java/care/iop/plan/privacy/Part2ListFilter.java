package care.iop.plan.privacy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.platform.privacy.Disclosure;

/**
 * The condition a list query adds so that, for a caller outside the program, its items and its total leave out
 * the records of Part 2 patients without a matching consent ({@link Disclosure#visiblePart2Patients()}); nothing for
 * program staff. A patient this service does not know counts as Part 2 (never disclosed by mistake).
 */
@ApplicationScoped
public class Part2ListFilter {
    static final String PARAMETER = "part2Visible";

    @Inject
    Disclosure disclosure;

    /**
     * A JPQL condition on {@code patientPath} (e.g. {@code patientId}), adding its parameter to {@code params};
     * empty when the caller sees every patient.
     */
    public Optional<String> jpql(String patientPath, Map<String, Object> params) {
        Optional<Set<UUID>> visible = disclosure.visiblePart2Patients();
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        String notPart2 = patientPath + " in (select k.patientId from KnownPatient k where k.part2 = false)";
        if (visible.get().isEmpty()) {
            return Optional.of(notPart2);
        }
        params.put(PARAMETER, visible.get());
        return Optional.of("(" + notPart2 + " or " + patientPath + " in :" + PARAMETER + ")");
    }
}
