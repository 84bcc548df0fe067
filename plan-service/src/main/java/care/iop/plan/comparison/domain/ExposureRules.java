package care.iop.plan.comparison.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

/**
 * Puts an episode into an exposure bucket over its exposure period (admission day to {@link EpisodeOutcome#exposureEnd()},
 * both included), on the configured {@link ExposureScale}:
 * <ul>
 * <li><b>prescribed</b>: each day takes the mix of the plan in force (the latest-starting plan of the episode that covers
 * the day) as its plan's dated schedule prescribes it. When the day's bucket changes from one prescribed day to the next
 * the episode is {@link BucketScale#SWITCHED}; otherwise its bucket is that of the summed doses (the same one, as buckets
 * are intervals). No prescribed day: {@link BucketScale#NO_PLAN}.</li>
 * <li><b>attended</b>: the sessions attended (ATTENDED, LATE, LEFT_EARLY) in the period; on the SESSIONS scale a group
 * session counts its scheduled minutes (as the plan prescribes group time), on the HOURS scale the minutes attended.
 * Nothing attended: {@link BucketScale#NO_ATTENDANCE}.</li>
 * </ul>
 * A patient who attends every session of a plan booked at the program's group session length gets the same share in both
 * views.
 */
public record ExposureRules(ExposureScale scale, int groupSessionMinutes, BucketScale buckets) {

    public ExposureRules {
        if (groupSessionMinutes <= 0) {
            throw new IllegalArgumentException("groupSessionMinutes must be positive");
        }
    }

    public EpisodeExposure prescribed(EpisodeFacts episode, LocalDate end) {
        Dose total = Dose.NONE;
        String previous = null;
        EpisodeExposure.Switch first = null;
        // only the days some plan covers (an episode open for years is not walked day by day)
        LocalDate from = episode.plans().stream().map(EpisodeFacts.PlanPeriod::start).min(Comparator.naturalOrder()).orElse(end.plusDays(1));
        LocalDate until = episode.plans().stream().map(p -> p.endExclusive().minusDays(1)).max(Comparator.naturalOrder()).orElse(end);
        from = from.isAfter(episode.admittedOn()) ? from : episode.admittedOn();
        until = until.isBefore(end) ? until : end;
        for (LocalDate day = from; !day.isAfter(until); day = day.plusDays(1)) {
            Optional<Dose> week = prescribedOn(episode, day);
            Fraction share = week.map(d -> scale.groupShare(d, groupSessionMinutes)).orElse(null);
            if (share == null) {
                continue;
            }
            String bucket = buckets.bucketOf(share);
            if (previous != null && !previous.equals(bucket) && first == null) {
                first = new EpisodeExposure.Switch(day, previous, bucket);
            }
            previous = bucket;
            total = total.plus(week.get());
        }
        Fraction share = scale.groupShare(total, groupSessionMinutes);
        if (share == null) {
            return new EpisodeExposure(BucketScale.NO_PLAN, null, null, 0, 0);
        }
        return new EpisodeExposure(first == null ? buckets.bucketOf(share) : BucketScale.SWITCHED, share, first, 0, 0);
    }

    public EpisodeExposure attended(EpisodeFacts episode, LocalDate end) {
        Dose dose = Dose.NONE;
        long attended = 0;
        long expected = 0;
        for (EpisodeFacts.Session session : episode.sessions()) {
            if (session.day().isBefore(episode.admittedOn()) || session.day().isAfter(end)) {
                continue;
            }
            if (session.expected()) {
                expected++;
            }
            if (session.attended()) {
                attended++;
                dose = dose.plus(doseOf(session));
            }
        }
        Fraction share = scale.groupShare(dose, groupSessionMinutes);
        String bucket = share == null ? BucketScale.NO_ATTENDANCE : buckets.bucketOf(share);
        return new EpisodeExposure(bucket, share, null, attended, expected);
    }

    private Optional<Dose> prescribedOn(EpisodeFacts episode, LocalDate day) {
        return episode.plans().stream().filter(p -> p.covers(day))
                .max(Comparator.comparing(EpisodeFacts.PlanPeriod::start))
                .map(p -> Dose.weekOf(p.mixOn(day)));
    }

    private Dose doseOf(EpisodeFacts.Session session) {
        return switch (session.modality()) {
            case "GROUP" -> new Dose(0, 0, scale == ExposureScale.SESSIONS ? session.scheduledMinutes() : session.minutesAttended(), 0, 0);
            case "FAMILY" -> new Dose(0, 0, 0, 1, session.minutesAttended());
            default -> new Dose(1, session.minutesAttended(), 0, 0, 0);
        };
    }
}
