package care.iop.plan.comparison.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import care.iop.plan.comparison.domain.ExposureScale;
import care.iop.plan.comparison.domain.FollowUpChoice;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the modality comparison ({@code iop.comparison.*}; docs/outcomes.md, "Configuration"). */
@ConfigMapping(prefix = "iop.comparison")
public interface ComparisonConfig {

    /** How exposure is bucketed. */
    Exposure exposure();

    /** The admission window of the baseline score. */
    Baseline baseline();

    /** The follow-up score. */
    FollowUp followUp();

    /** Response and remission are judged only for baselines of at least this (PHQ-9 / GAD-7 10: HEDIS). */
    @WithDefault("10")
    int elevatedBaseline();

    /** The small-cell rule. */
    Suppression suppression();

    /** The de-identified analysis export. */
    Export export();

    interface Exposure {
        /** SESSIONS (share of therapy sessions that were group) or HOURS (share of therapy hours). */
        @WithDefault("SESSIONS")
        ExposureScale scale();

        /** The program's group session length: group minutes per group session on the SESSIONS scale. */
        @WithDefault("90")
        int groupSessionMinutes();

        /** Increasing cut-points of the group share in (0, 1]; a share at a cut-point belongs to the bucket above. */
        @WithDefault("0.25,0.45,0.65")
        List<BigDecimal> cutPoints();

        /** One name more than cut-points, from most individual to most group. */
        @WithDefault("INDIVIDUAL,INDIVIDUAL_HEAVY,MIXED,GROUP_HEAVY")
        List<String> buckets();
    }

    interface Baseline {
        /** The baseline may be taken from this many days before the admission day... */
        @WithDefault("14")
        int daysBefore();

        /** ...to this many days after it (the nearest to admission counts). */
        @WithDefault("7")
        int daysAfter();
    }

    interface FollowUp {
        /** A follow-up is taken at least this many days after the baseline's day. */
        @WithDefault("28")
        int minimumDays();

        /** END_OF_EPISODE or LAST_SCORE (PHQ-9, GAD-7; AUDIT and DAST-10 always END_OF_EPISODE). */
        @WithDefault("END_OF_EPISODE")
        FollowUpChoice choice();
    }

    interface Suppression {
        /** Cells with fewer episodes are withheld; never below 11 for a caller outside the program (signed links). */
        @WithDefault("11")
        int minCell();

        /** Admission windows are whole blocks of this many calendar months (1, 2, 3, 4, 6 or 12). */
        @WithDefault("3")
        int blockMonths();
    }

    interface Export {
        /**
         * The HMAC key (at least 32 characters) that derives each patient's date shift; the same on every replica (a
         * Secret). Without it each process makes a random key: shifts stay consistent within one process only.
         */
        Optional<String> dateShiftKey();

        /** Dates move by 1 to this many days, earlier or later, the same for all of a patient's dates. */
        @WithDefault("180")
        int maxShiftDays();
    }
}
