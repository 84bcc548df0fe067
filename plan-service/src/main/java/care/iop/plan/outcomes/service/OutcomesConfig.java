package care.iop.plan.outcomes.service;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the outcomes features ({@code iop.outcomes.*}). */
@ConfigMapping(prefix = "iop.outcomes")
public interface OutcomesConfig {
    /** Time zone in which the {@code from}/{@code to} dates of searches and reports are read. */
    @WithDefault("UTC")
    ZoneId timeZone();

    /** How far in the future {@code takenAt} may lie (clock skew of phones). */
    @WithDefault("PT5M")
    Duration clockSkew();

    /** Signed links to the comparison chart ({@code care.iop.plan.comparison.service.ChartLinks}). */
    ChartLink chartLink();

    interface ChartLink {
        /**
         * The HMAC key (at least 32 characters), the same on every plan-service replica; from a Secret in
         * Kubernetes. Without it each process makes a random key at start, so links work on that process only.
         */
        Optional<String> key();

        /** How long a link stays valid. */
        @WithDefault("PT15M")
        Duration ttl();
    }
}
