package care.iop.plan.followup.service;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import care.iop.plan.followup.domain.AttendancePolicy;

/** The attendance policy a program sets ({@code iop.attendance.*}): more than max-missed missed sessions in window. */
@ConfigMapping(prefix = "iop.attendance")
public interface AttendanceConfig {
    /** More missed sessions (NO_SHOW, ABSENT) than this in one window open a discharge review. */
    @WithDefault("6")
    int maxMissed();

    /** The window, in program days (P12W = 84 days, the last one being the day of the latest missed session counted). */
    @WithDefault("P12W")
    Period window();

    default AttendancePolicy policy() {
        return new AttendancePolicy(maxMissed(), window());
    }
}
