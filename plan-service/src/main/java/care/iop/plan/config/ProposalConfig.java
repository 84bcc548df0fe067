package care.iop.plan.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the modality proposal sizes a week (docs/modality-proposal.md). */
@ConfigMapping(prefix = "iop.plan.proposal")
public interface ProposalConfig {

    /** At most this many individual sessions a day: a clinic staffs one clinician hour per patient and day. */
    @WithDefault("1")
    int maxIndividualPerDay();

    /** Program days a week (IOPs run 3 to 5): with one individual session a day, at most 5 individual sessions a week. */
    @WithDefault("5")
    int programDaysPerWeek();

    /** Length of one proposed group session; group hours come in whole sessions. */
    @WithDefault("90")
    int groupSessionMinutes();

    /** Hours added to the level's minimum when the latest scores are severe or a safety flag is open. */
    @WithDefault("3")
    double intensifiedExtraHours();

    /** Latest PHQ-9 / GAD-7 scores older than this are not taken into account. */
    @WithDefault("P30D")
    Duration scoreMaxAge();

    default int maxIndividualPerWeek() {
        return maxIndividualPerDay() * programDaysPerWeek();
    }

}
