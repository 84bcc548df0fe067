package care.iop.platform.testapp;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import care.iop.platform.privacy.PatientPrivacy;
import care.iop.platform.privacy.PrivacyFacts;
import care.iop.platform.privacy.Purpose;

/** The test application's patients: Part 2 labels and consents set by the tests. */
@ApplicationScoped
public class TestPrivacyFacts implements PrivacyFacts {
    private final Map<UUID, PatientPrivacy> patients = new ConcurrentHashMap<>();

    public void put(PatientPrivacy privacy) {
        patients.put(privacy.patientId(), privacy);
    }

    @Override
    public Map<UUID, PatientPrivacy> of(Collection<UUID> patientIds) {
        Map<UUID, PatientPrivacy> found = new HashMap<>();
        patientIds.forEach(id -> {
            if (patients.containsKey(id)) {
                found.put(id, patients.get(id));
            }
        });
        return found;
    }

    @Override
    public Set<UUID> part2PatientsDisclosableTo(String recipient, Purpose purpose, LocalDate day) {
        return patients.values().stream().filter(PatientPrivacy::part2)
                .filter(p -> p.consents().stream().anyMatch(c -> c.covers(recipient, purpose, day)))
                .map(PatientPrivacy::patientId).collect(Collectors.toSet());
    }
}
