package care.iop.plan.outcomes.service;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the outcomes features ({@code iop.outcomes.*}). */
@ConfigMapping(prefix = "iop.outcomes")
public interface OutcomesConfig {
    /** Time zone in which the {@code from}/{@code to} dates of searches and reports are read. */
    @WithDefault("UTC")
    ZoneId timeZone();

    /** A comparison bucket with fewer patients than this reports only that it is suppressed. */
    @WithDefault("5")
    int minBucketSize();

    /** How far in the future {@code takenAt} may lie (clock skew of phones). */
    @WithDefault("PT5M")
    Duration clockSkew();
}
