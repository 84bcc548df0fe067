package care.iop.session.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Scheduling rules a program may tune. */
@ConfigMapping(prefix = "iop.sessions")
public interface SessionConfig {

    /** Capacity of a group when the request names none. */
    @WithDefault("12")
    int defaultGroupCapacity();

    /** Largest capacity a group may have. */
    @WithDefault("15")
    int maxGroupCapacity();

    /** The program's time zone: series keep their wall-clock time in it; dates in queries are days in it. */
    @WithDefault("America/New_York")
    ZoneId timeZone();

    /** A booking cancelled less than this before the start is flagged late. */
    @WithDefault("PT24H")
    Duration lateCancellationWindow();

    /**
     * Most present members a group may have for 90853 to be billed for each (a Medicare contractor rule
     * caps billable groups at 12 and requires the count to be documented; see domain.md).
     */
    @WithDefault("12")
    int billableGroupSize();

    /** Most occurrences one series may create. */
    @WithDefault("200")
    int maxSeriesOccurrences();
}
