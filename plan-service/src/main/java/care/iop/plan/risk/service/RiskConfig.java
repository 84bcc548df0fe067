package care.iop.plan.risk.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the suicide-risk pathway ({@code iop.risk.*}). */
@ConfigMapping(prefix = "iop.risk")
public interface RiskConfig {
    /** How often the overdue check looks for open safety flags past their due time ({@link OverdueFlagSchedule}). */
    @WithDefault("PT1M")
    Duration overdueCheck();

    /**
     * The JWT group (role) of the program's on-call staff: URGENT flags of a high-risk screen are assigned to it and it
     * lists them. Also read by {@code @RolesAllowed} of the urgent-flag list.
     */
    @WithDefault("on-call")
    String onCallRole();

    /** The crisis line added to a safety plan that names none (988 in the US). */
    CrisisLine defaultCrisisLine();

    interface CrisisLine {
        @WithDefault("988 Suicide & Crisis Lifeline")
        String name();

        @WithDefault("988")
        String phone();
    }
}
