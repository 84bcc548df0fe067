package care.iop.platform.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@link PrivacyConfig} held once for the application. {@link Disclosure} is request-scoped, so it is created for
 * every request: a configuration mapping injected into it directly was looked up again each time (with the program's
 * time zone, about 6 % of the CPU of a patient read in participant-service; docs/performance-log.md).
 */
@ApplicationScoped
public class PrivacySettings {

    @Inject
    PrivacyConfig config;

    public PrivacyConfig config() {
        return config;
    }
}
