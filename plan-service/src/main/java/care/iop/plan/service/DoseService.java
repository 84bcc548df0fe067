package care.iop.plan.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import care.iop.events.ModalityMix;
import care.iop.events.PlanState;
import care.iop.events.PlanState.ModalityPeriod;
import care.iop.plan.config.PlanConfig;
import care.iop.plan.domain.CarePlan;
import care.iop.plan.domain.PlanStatus;
import care.iop.plan.episode.domain.StepDownOverrun;
import care.iop.plan.episode.service.StepDowns;
import care.iop.plan.privacy.Part2ListFilter;
import care.iop.plan.readmodel.KnownPatient;
import care.iop.plan.rest.DoseAlertView;
import care.iop.plan.rest.DoseWeekView;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.problem.ProblemException;

/**
 * The weekly dose of a plan per ISO week: planned hours (the mix in force on the week's first plan
 * day), scheduled hours (sessions the patient had an attendance record for, whatever the status) and
 * attended hours (minutes attended when ATTENDED, LATE or LEFT_EARLY), by modality.
 */
@ApplicationScoped
public class DoseService {
    static final Set<String> PRESENT = Set.of("ATTENDED", "LATE", "LEFT_EARLY");
    static final int MAX_WEEKS = 104;
    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    @Inject
    PlanAccess access;

    @Inject
    PlanConfig config;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Part2ListFilter part2Filter;

    @Inject
    StepDowns stepDowns;

    @Transactional
    public List<DoseWeekView> dose(UUID planId, LocalDate from, LocalDate to) {
        CarePlan plan = access.visiblePlan(planId);
        LocalDate first = from != null ? from : plan.startDate;
        LocalDate last = to != null ? to : max(first, min(plan.endDate.minusDays(1), config.today()));
        if (last.isBefore(first)) {
            throw ProblemException.invalidField("to", "must not be before from (" + first + ")");
        }
        LocalDate monday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate lastMonday = last.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (ChronoUnit.WEEKS.between(monday, lastMonday) >= MAX_WEEKS) {
            throw ProblemException.invalidField("to", "at most " + MAX_WEEKS + " weeks at a time");
        }
        List<ModalityPeriod> schedule = ModalitySchedule.of(plan);
        List<DoseWeekView> weeks = new ArrayList<>();
        for (LocalDate week = monday; !week.isAfter(lastMonday); week = week.plusWeeks(1)) {
            weeks.add(week(plan, schedule, week));
        }
        audit.success(AuditAction.READ, "CarePlanDose", planId, plan.patientId);
        return weeks;
    }

    @Transactional
    public List<DoseAlertView> alerts(String isoWeek) {
        // default: the last completed week (the current one is under the minimum until it is nearly over)
        LocalDate monday = isoWeek == null || isoWeek.isBlank()
                ? config.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1)
                : parseWeek(isoWeek);
        LocalDate sunday = monday.plusDays(6);
        Map<String, Object> params = new HashMap<>(Map.of("active", PlanStatus.ACTIVE, "sunday", sunday, "monday", monday));
        String query = "status = :active and startDate <= :sunday and endDate > :monday"
                + part2Filter.jpql("patientId", params).map(condition -> " and " + condition).orElse("");
        List<CarePlan> active = CarePlan.list(query + " order by id", params);
        List<DoseAlertView> alerts = new ArrayList<>();
        for (CarePlan plan : active) {
            List<ModalityPeriod> schedule = ModalitySchedule.of(plan);
            DoseWeekView week = week(plan, schedule, monday);
            // within a step-down's tolerance the plan may be under the minimum; after it, it is an alert of its own
            if (!week.meetsMinimum() && !stepDowns.tolerated(plan, max(monday, plan.startDate))) {
                alerts.add(attendedBelowMinimum(plan, week));
            }
            stepDowns.overrun(plan, schedule, monday).ifPresent(over -> alerts.add(stepDownToleranceOver(plan, week, over)));
        }
        // one audit row per patient in the alerts (a disclosure to each of them)
        audit.success(AuditAction.SEARCH, "CarePlanDose", label(monday), alerts.stream().map(DoseAlertView::patientId).toList());
        return alerts;
    }

    private static DoseAlertView attendedBelowMinimum(CarePlan plan, DoseWeekView week) {
        return new DoseAlertView(plan.id, plan.patientId, plan.primaryClinicianId, plan.levelOfCare, week, DoseAlertView.ATTENDED_BELOW_MINIMUM,
                String.format(Locale.ROOT, "Attended %s h of the %s h minimum in %s", ModalityProposer.hours(week.attended().total()),
                        ModalityProposer.hours(week.minimumHours()), week.week()), null);
    }

    private static DoseAlertView stepDownToleranceOver(CarePlan plan, DoseWeekView week, StepDownOverrun over) {
        return new DoseAlertView(plan.id, plan.patientId, plan.primaryClinicianId, over.levelOfCare(), week, DoseAlertView.STEP_DOWN_TOLERANCE_OVER,
                String.format(Locale.ROOT, "Plan %s is planned at %s h a week on %s, below the %s h minimum of level %s: stepping down since %s,"
                        + " the step-down tolerance ended on %s", plan.id, ModalityProposer.hours(over.plannedHours()), over.day(),
                        ModalityProposer.hours(over.minimumHours()), over.levelOfCare(), over.since(), over.toleranceEnd()), over.since());
    }

    /** One ISO week of a plan (monday is the week's Monday); {@code schedule} is the plan's {@link ModalitySchedule}. */
    DoseWeekView week(CarePlan plan, List<ModalityPeriod> schedule, LocalDate monday) {
        LocalDate sunday = monday.plusDays(6);
        LocalDate firstDay = max(monday, plan.startDate);
        LocalDate lastDay = min(sunday, plan.endDate.minusDays(1));
        boolean inPlan = !firstDay.isAfter(lastDay);
        DoseWeekView.Hours planned = inPlan ? hours(PlanState.modalityOn(schedule, plan.modality(), firstDay)) : new DoseWeekView.Hours(0, 0, 0, 0);

        double[] scheduled = new double[3];
        double[] attended = new double[3];
        Map<LocalDate, Double> attendedMinutesByDay = new HashMap<>();
        if (inPlan) {
            ZoneId zone = ZoneId.of(config.dose().zone());
            for (Object[] row : sessions(plan.patientId, firstDay.atStartOfDay(zone).toOffsetDateTime(),
                    lastDay.plusDays(1).atStartOfDay(zone).toOffsetDateTime())) {
                int modality = modalityIndex((String) row[0]);
                String status = (String) row[1];
                int minutes = ((Number) row[2]).intValue();
                OffsetDateTime start = toOffset(row[3]);
                OffsetDateTime end = toOffset(row[4]);
                scheduled[modality] += Duration.minutes(start, end);
                if (PRESENT.contains(status)) {
                    attended[modality] += minutes;
                    attendedMinutesByDay.merge(start.atZoneSameInstant(zone).toLocalDate(), (double) minutes, Double::sum);
                }
            }
        }
        KnownPatient patient = KnownPatient.findById(plan.patientId);
        // a week the plan covers only in part (its first or last) asks for its share of the weekly minimum
        int planDays = inPlan ? (int) ChronoUnit.DAYS.between(firstDay, lastDay) + 1 : 0;
        double minimum = round(config.minimumHours(stepDowns.levelOn(plan, firstDay), patient != null && patient.isAdolescentOn(plan.startDate))
                * planDays / 7.0);
        DoseWeekView.Hours attendedHours = fromMinutes(attended);
        int strongDays = (int) attendedMinutesByDay.values().stream().filter(m -> m + 1e-9 >= config.dose().h0015DailyHours() * 60).count();
        return new DoseWeekView(label(monday), monday, sunday, planned, fromMinutes(scheduled), attendedHours, minimum,
                attendedHours.total() + 1e-9 >= minimum, strongDays, strongDays >= config.dose().h0015Days());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> sessions(UUID patientId, OffsetDateTime from, OffsetDateTime to) {
        // every session with an attendance record, and every booked one not (yet) recorded
        return em.createNativeQuery("""
                        select modality, status, minutes, session_start, session_end from attended_session
                        where patient_id = ?1 and session_start >= ?2 and session_start < ?3
                        union all
                        select b.modality, 'BOOKED', 0, b.session_start, b.session_end from booked_session b
                        where b.patient_id = ?1 and b.status = 'BOOKED' and b.session_start >= ?2 and b.session_start < ?3
                            and not exists (select 1 from attended_session a where a.session_id = b.session_id and a.patient_id = b.patient_id)""")
                .setParameter(1, patientId).setParameter(2, from).setParameter(3, to).getResultList();
    }

    static LocalDate parseWeek(String isoWeek) {
        Matcher m = ISO_WEEK.matcher(isoWeek.trim());
        if (!m.matches()) {
            throw ProblemException.invalidField("week", "must be an ISO week like 2026-W49");
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate anchor = LocalDate.of(year, 1, 4);
        if (week < 1 || week > anchor.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw ProblemException.invalidField("week", "week " + week + " does not exist in " + year);
        }
        return anchor.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static String label(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static DoseWeekView.Hours hours(ModalityMix mix) {
        return new DoseWeekView.Hours(round(mix.individualSessionsPerWeek() * mix.individualSessionMinutes() / 60.0),
                round(mix.groupHoursPerWeek()), round(mix.familySessionsPerWeek() * ModalityMix.FAMILY_SESSION_MINUTES / 60.0),
                round(mix.weeklyHours()));
    }

    private static DoseWeekView.Hours fromMinutes(double[] minutes) {
        return new DoseWeekView.Hours(round(minutes[0] / 60), round(minutes[1] / 60), round(minutes[2] / 60),
                round((minutes[0] + minutes[1] + minutes[2]) / 60));
    }

    private static int modalityIndex(String modality) {
        return switch (modality) {
            case "INDIVIDUAL" -> 0;
            case "FAMILY" -> 2;
            default -> 1;
        };
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static final class Duration {
        static long minutes(OffsetDateTime start, OffsetDateTime end) {
            return Math.max(0, ChronoUnit.MINUTES.between(start, end));
        }
    }
}
