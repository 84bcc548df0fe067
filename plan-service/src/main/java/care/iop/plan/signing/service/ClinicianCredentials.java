package care.iop.plan.signing.service;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A clinician's credentials (from clinician events, {@code known_clinician.credentials}, comma-separated) and what they
 * allow: an author holding only supervised credentials ({@link SigningConfig#supervisedCredentials()}) needs a co-signer;
 * a clinician with at least one other credential is licensed and may co-sign. Credentials not known (yet) count as none:
 * no co-signature is required, and the clinician cannot co-sign.
 */
@ApplicationScoped
public class ClinicianCredentials {

    @Inject
    EntityManager em;

    @Inject
    SigningConfig config;

    /** A clinician as plan-service knows it: active or not, and the credentials (empty when none are known). */
    public record Clinician(boolean active, List<String> credentials) {
    }

    /** Empty when the clinician is not known at all. */
    public Optional<Clinician> of(UUID clinicianId) {
        // known_clinician.credentials comes from the clinician events (V23); read natively to load nothing else of the row
        List<?> rows = em.createNativeQuery("select active, coalesce(credentials, '') from known_clinician where clinician_id = ?1")
                .setParameter(1, clinicianId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Clinician(Boolean.TRUE.equals(row[0]), parse((String) row[1])));
    }

    /** Every credential is a supervised one (and there is at least one). */
    public boolean supervised(List<String> credentials) {
        return !credentials.isEmpty() && credentials.stream().allMatch(this::isSupervised);
    }

    /** At least one credential is not a supervised one. */
    public boolean licensed(List<String> credentials) {
        return credentials.stream().anyMatch(c -> !isSupervised(c));
    }

    public static List<String> parse(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private boolean isSupervised(String credential) {
        String c = credential.toUpperCase(Locale.ROOT);
        return config.supervisedCredentials().stream().anyMatch(s -> s.trim().toUpperCase(Locale.ROOT).equals(c));
    }
}
