package care.iop.plan.comparison.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import care.iop.events.DischargeReason;
import care.iop.events.ModalityMix;
import care.iop.events.PlanState;
import care.iop.events.PlanState.ModalityPeriod;

/**
 * What the comparison knows of one episode of care (one admission): its dates, how it ended, the patient's track and
 * level of care at admission, the scores of the compared instrument, the plans with their dated modality schedules and
 * the attended sessions. Days are program days. The unit of the comparison is the episode, not the patient.
 */
public record EpisodeFacts(UUID episodeId, UUID patientId, LocalDate admittedOn, LocalDate dischargedOn, String dischargeReason,
                           String track, String levelOfCare, LocalDate birthDate, List<Score> scores, List<PlanPeriod> plans,
                           List<Session> sessions) {

    public EpisodeFacts {
        scores = scores.stream().sorted(Score.ORDER).toList();
        plans = List.copyOf(plans);
        sessions = List.copyOf(sessions);
    }

    /** A score of the compared instrument: its total, the program day and instant it was taken. */
    public record Score(UUID id, int total, LocalDate day, OffsetDateTime takenAt) {
        static final Comparator<Score> ORDER = Comparator.comparing(Score::takenAt).thenComparing(Score::id);
    }

    /**
     * A plan of the episode that was in force (not a draft, not entered in error): from its start to before its end
     * date, prescribing its dated modality schedule (the plan events' {@code modalitySchedule}).
     */
    public record PlanPeriod(LocalDate start, LocalDate endExclusive, List<ModalityPeriod> schedule, ModalityMix latest) {

        public boolean covers(LocalDate day) {
            return !day.isBefore(start) && day.isBefore(endExclusive);
        }

        public ModalityMix mixOn(LocalDate day) {
            return PlanState.modalityOn(schedule, latest, day);
        }
    }

    /**
     * One session of the patient: modality (INDIVIDUAL, GROUP, FAMILY), attendance status, the minutes attended, the
     * session's scheduled minutes and its program day.
     */
    public record Session(String modality, String status, int minutesAttended, int scheduledMinutes, LocalDate day) {
        static final List<String> ATTENDED = List.of("ATTENDED", "LATE", "LEFT_EARLY");

        public boolean attended() {
            return ATTENDED.contains(status);
        }

        /** Sessions that count toward the attendance rate: every one not excused. */
        public boolean expected() {
            return !"EXCUSED".equals(status);
        }
    }

    public boolean closed() {
        return dischargedOn != null;
    }

    /** Discharged without the plan's course run (left against advice, non-attendance, administrative, other). */
    public boolean droppedOut() {
        return closed() && !DischargeReason.ofCode(dischargeReason).plannedEnd();
    }
}
