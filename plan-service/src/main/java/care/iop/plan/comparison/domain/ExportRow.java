package care.iop.plan.comparison.domain;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

import care.iop.plan.outcomes.domain.Instrument;

/**
 * One episode of the de-identified analysis export: exposure, baseline, follow-up and covariates, and no identifier. No
 * patient, episode or plan id, no name, no free text; every date moved by the patient's shift (the same for all of a
 * patient's dates, so intervals stay true) and given again as days since admission; the age at admission capped at 90
 * (HIPAA Safe Harbor aggregates ages over 89). {@code row} numbers the rows in a pseudo-random order.
 */
public record ExportRow(int row, String instrument, LocalDate admittedOn, LocalDate dischargedOn, String dischargeReason,
                        boolean dropout, String track, String levelOfCare, Integer ageAtAdmission, Integer baseline,
                        Integer baselineDay, LocalDate baselineOn, Integer followUp, Integer followUpDay, LocalDate followUpOn,
                        Integer change, Boolean elevatedBaseline, Boolean response, Boolean remission, String exclusion,
                        String prescribedBucket, Double prescribedGroupShare, String attendedBucket, Double attendedGroupShare,
                        long sessionsAttended, long sessionsExpected, Integer switchDay, String switchedFrom, String switchedTo,
                        Double slopeBeforeSwitch, Double slopeAfterSwitch) {
    static final int AGE_CAP = 90;

    /** The row of {@code e}, its dates moved by {@code shiftDays}. */
    public static ExportRow of(int row, AnalysedEpisode e, int shiftDays, Instrument instrument, CohortRules rules) {
        EpisodeFacts f = e.facts();
        EpisodeOutcome o = e.outcome();
        LocalDate admitted = f.admittedOn();
        boolean analysed = o.analysed();
        Boolean elevated = analysed && CohortRules.weekly(instrument) ? rules.elevated(o, instrument) : null;
        EpisodeExposure.Switch sw = e.prescribed().firstSwitch();
        return new ExportRow(row, instrument.name(), shift(admitted, shiftDays), shift(f.dischargedOn(), shiftDays), f.dischargeReason(),
                o.dropout(), f.track(), f.levelOfCare(), age(f.birthDate(), admitted),
                o.baseline() == null ? null : o.baseline().total(), o.baseline() == null ? null : days(admitted, o.baseline().day()),
                o.baseline() == null ? null : shift(o.baseline().day(), shiftDays),
                o.followUp() == null ? null : o.followUp().total(), o.followUp() == null ? null : days(admitted, o.followUp().day()),
                o.followUp() == null ? null : shift(o.followUp().day(), shiftDays), analysed ? o.change() : null, elevated,
                Boolean.TRUE.equals(elevated) ? CohortRules.responded(o) : null, Boolean.TRUE.equals(elevated) ? CohortRules.remitted(o) : null,
                o.exclusion() == null ? null : o.exclusion().name(), e.prescribed().bucket(), share(e.prescribed()), e.attended().bucket(),
                share(e.attended()), e.attended().sessionsAttended(), e.attended().sessionsExpected(),
                sw == null ? null : days(admitted, sw.on()), sw == null ? null : sw.from(), sw == null ? null : sw.to(),
                e.slopeBefore(), e.slopeAfter());
    }

    private static LocalDate shift(LocalDate day, int shiftDays) {
        return day == null ? null : day.plusDays(shiftDays);
    }

    private static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to);
    }

    private static Integer age(LocalDate birthDate, LocalDate on) {
        return birthDate == null ? null : Math.min(AGE_CAP, Period.between(birthDate, on).getYears());
    }

    private static Double share(EpisodeExposure exposure) {
        return exposure.share() == null ? null : exposure.share().value();
    }
}
