package care.iop.plan.discharge.service;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of discharge summaries ({@code iop.discharge.*}). */
@ConfigMapping(prefix = "iop.discharge")
public interface DischargeConfig {
    /** A summary is due at the end of (discharge day + this) in the program's time zone. */
    @WithDefault("P7D")
    Period summaryDue();

    /** The discharge score is the latest taken on or before the discharge day and at most this long before it. */
    @WithDefault("P30D")
    Period dischargeScoreWindow();
}
