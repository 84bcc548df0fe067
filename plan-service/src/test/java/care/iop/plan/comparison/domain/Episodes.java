package care.iop.plan.comparison.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import care.iop.events.ModalityMix;
import care.iop.events.PlanState.ModalityPeriod;

/**
 * Builds {@link EpisodeFacts} for the plain unit tests: days are counted from the admission day (day 0 = {@link #ADMITTED},
 * Monday 2026-01-05), scores are taken at noon UTC of their day.
 */
final class Episodes {
    static final LocalDate ADMITTED = LocalDate.of(2026, 1, 5);
    /** The standard IOP week: one 50-minute individual session and three 3-hour groups. */
    static final ModalityMix STANDARD_IOP = new ModalityMix(1, 50, 9, 0);
    /** The proposal's individual-heavy step at 9 h: 5 x 60 min individual, 3 x 90 min group. */
    static final ModalityMix INDIVIDUAL_HEAVY = new ModalityMix(5, 60, 4.5, 0);
    static final BucketScale BUCKETS = new BucketScale(List.of("INDIVIDUAL", "INDIVIDUAL_HEAVY", "MIXED", "GROUP_HEAVY"),
            List.of(new BigDecimal("0.25"), new BigDecimal("0.45"), new BigDecimal("0.65")));
    static final ExposureRules EXPOSURES = new ExposureRules(ExposureScale.SESSIONS, 90, BUCKETS);
    static final CohortRules RULES = new CohortRules(14, 7, 28, FollowUpChoice.END_OF_EPISODE, 10);

    private final UUID patient = UUID.randomUUID();
    private LocalDate admitted = ADMITTED;
    private Integer dischargeDay;
    private String reason = "COMPLETED";
    private String track = "ADULT_MH";
    private String level = "2.1";
    private final List<EpisodeFacts.Score> scores = new ArrayList<>();
    private final List<EpisodeFacts.PlanPeriod> plans = new ArrayList<>();
    private final List<EpisodeFacts.Session> sessions = new ArrayList<>();

    static Episodes episode() {
        return new Episodes();
    }

    Episodes admitted(LocalDate day) {
        admitted = day;
        return this;
    }

    Episodes track(String value) {
        track = value;
        return this;
    }

    Episodes level(String value) {
        level = value;
        return this;
    }

    /** A score on admission day + {@code day}. */
    Episodes score(int day, int total) {
        LocalDate on = admitted.plusDays(day);
        scores.add(new EpisodeFacts.Score(UUID.randomUUID(), total, on, on.atTime(12, 0).atOffset(ZoneOffset.UTC).plusSeconds(scores.size())));
        return this;
    }

    Episodes discharged(int day, String code) {
        dischargeDay = day;
        reason = code;
        return this;
    }

    /** A plan from the admission day for 12 weeks with {@code mix}, switching to {@code to} on day {@code switchDay} (to may be null). */
    Episodes plan(ModalityMix mix, Integer switchDay, ModalityMix to) {
        List<ModalityPeriod> schedule = new ArrayList<>();
        schedule.add(new ModalityPeriod(admitted, mix));
        if (to != null) {
            schedule.add(new ModalityPeriod(admitted.plusDays(switchDay), to));
        }
        plans.add(new EpisodeFacts.PlanPeriod(admitted, admitted.plusWeeks(12), schedule, to == null ? mix : to));
        return this;
    }

    Episodes plan(ModalityMix mix) {
        return plan(mix, null, null);
    }

    Episodes session(int day, String modality, String status, int attended, int scheduled) {
        sessions.add(new EpisodeFacts.Session(modality, status, attended, scheduled, admitted.plusDays(day)));
        return this;
    }

    /** A perfectly attended week of {@code mix} starting on day {@code day} (group time in 90-minute sessions). */
    Episodes attendedWeek(int day, ModalityMix mix) {
        for (int i = 0; i < mix.individualSessionsPerWeek(); i++) {
            session(day + i % 5, "INDIVIDUAL", "ATTENDED", mix.individualSessionMinutes(), mix.individualSessionMinutes());
        }
        int groupMinutes = (int) Math.round(mix.groupHoursPerWeek() * 60);
        for (int m = 0; m < groupMinutes; m += 90) {
            session(day + (m / 90) % 5, "GROUP", "ATTENDED", Math.min(90, groupMinutes - m), Math.min(90, groupMinutes - m));
        }
        for (int i = 0; i < mix.familySessionsPerWeek(); i++) {
            session(day + i % 5, "FAMILY", "ATTENDED", 50, 50);
        }
        return this;
    }

    EpisodeFacts build() {
        return new EpisodeFacts(UUID.randomUUID(), patient, admitted, dischargeDay == null ? null : admitted.plusDays(dischargeDay),
                dischargeDay == null ? null : reason, track, level, LocalDate.of(1990, 4, 2), scores, plans, sessions);
    }
}
