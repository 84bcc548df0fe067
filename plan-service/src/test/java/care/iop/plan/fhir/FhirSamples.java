package care.iop.plan.fhir;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import care.iop.plan.outcomes.domain.Assessment;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.plan.rest.GoalDto;
import care.iop.plan.rest.InterventionDto;
import care.iop.plan.rest.ModalityDto;
import care.iop.plan.rest.ObjectiveDto;
import care.iop.plan.rest.PlanProblemDto;
import care.iop.plan.rest.PlanView;

/** Domain values for the mapper tests: a plan with every kind of goal, objective and intervention, assessments, flags. */
public final class FhirSamples {
    public static final UUID PATIENT = UUID.fromString("7d0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a11");
    public static final UUID CLINICIAN = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    public static final UUID OTHER_CLINICIAN = UUID.fromString("1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    public static final UUID PLAN = UUID.fromString("9b0c5a52-5f0e-4a4e-9d7b-0c1f3c9f8a22");
    public static final OffsetDateTime TAKEN = OffsetDateTime.of(2026, 12, 1, 15, 0, 0, 0, ZoneOffset.UTC);

    private FhirSamples() {
    }

    /** An active plan as a clinician sees it: a problem with a measured goal (score and attendance objectives), a plan goal with a behaviour objective and a long id. */
    public static PlanView plan(String status) {
        ObjectiveDto score = new ObjectiveDto("O1", "PHQ-9 below 10 by week 6", "SCORE", "PHQ9", 9.0, null, null, null, null,
                LocalDate.of(2027, 1, 11), "in-progress");
        ObjectiveDto attendance = new ObjectiveDto("O2", "Attends 3 groups a week for 4 weeks", "ATTENDANCE", null, null, 3, 4, "group", null,
                LocalDate.of(2027, 1, 25), "met");
        ObjectiveDto behaviour = new ObjectiveDto("O3", "Uses a coping skill when craving", "BEHAVIOUR", null, null, null, null, null,
                "Uses a coping skill when craving, logged daily", LocalDate.of(2027, 2, 1), "not-started");
        GoalDto measured = new GoalDto("G1", "Reduce depressive symptoms", new GoalDto.Measure("PHQ9", 9.0, LocalDate.of(2027, 2, 20)),
                List.of(score, attendance));
        GoalDto longId = new GoalDto("goal_with_an_underscore_and_a_long_name_x", "Stay abstinent", null, List.of(behaviour));
        PlanProblemDto problem = new PlanProblemDto("P1", "F32.1", "Major depressive disorder, single episode, moderate",
                "I can't get out of bed", List.of(measured));
        InterventionDto group = new InterventionDto("I1", "group", "CBT skills group", 3, 180, null, null, List.of("O1", "O2"));
        InterventionDto individual = new InterventionDto("I2", "individual", "Motivational interviewing", 1, 50, 8, OTHER_CLINICIAN, List.of("O3"));
        return new PlanView(PLAN, PATIENT, CLINICIAN, status, "2.1", LocalDate.of(2026, 11, 30), 12, LocalDate.of(2027, 2, 22), 30,
                LocalDate.of(2026, 12, 30), List.of(problem), List.of(longId), List.of(group, individual), "Comfortable in groups",
                new ModalityDto(1, 50, 9.0, 0, 9.83), LocalDate.of(2026, 11, 30), false, null, null, null, 9.0, 2, 1, List.of(), null, null, 4,
                OffsetDateTime.of(2026, 11, 20, 9, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.of(2026, 12, 2, 10, 30, 0, 0, ZoneOffset.UTC));
    }

    public static Assessment assessment(Instrument instrument, List<Integer> answers, int total, String band, Assessment.Source source) {
        Assessment a = new Assessment();
        a.id = UUID.nameUUIDFromBytes((instrument + "/" + source).getBytes());
        a.patientId = PATIENT;
        a.instrument = instrument;
        a.answers = answers;
        a.total = total;
        a.band = band;
        a.takenAt = TAKEN;
        a.recordedAt = TAKEN.plusMinutes(5);
        a.recordedBy = "test-clinician";
        a.source = source;
        return a;
    }

    /** One clinician-entered assessment of each instrument. */
    public static List<Assessment> assessments() {
        return List.of(
                assessment(Instrument.PHQ9, List.of(1, 2, 0, 1, 1, 0, 2, 1, 1), 9, "MILD", Assessment.Source.CLINICIAN),
                assessment(Instrument.GAD7, List.of(3, 3, 2, 2, 1, 1, 2), 14, "MODERATE", Assessment.Source.SELF_REPORT),
                assessment(Instrument.AUDIT, List.of(2, 1, 1, 0, 0, 0, 1, 0, 2, 0), 7, "LOW_RISK", Assessment.Source.CLINICIAN),
                assessment(Instrument.DAST10, List.of(1, 0, 1, 0, 0, 0, 0, 0, 0, 0), 1, "LOW", Assessment.Source.CLINICIAN));
    }

    public static SafetyFlag flag(SafetyFlag.Status status) {
        SafetyFlag flag = new SafetyFlag();
        flag.id = UUID.nameUUIDFromBytes(("flag/" + status).getBytes());
        flag.patientId = PATIENT;
        flag.assessmentId = assessments().get(0).id;
        flag.instrument = Instrument.PHQ9;
        flag.reason = "PHQ-9 item 9 (thoughts of self-harm) answered 1: same-day review needed";
        flag.status = status;
        flag.raisedAt = TAKEN.plusMinutes(5);
        flag.dueAt = TAKEN.plusDays(1);
        if (status == SafetyFlag.Status.ACKNOWLEDGED) {
            flag.acknowledgedAt = TAKEN.plusHours(2);
            flag.acknowledgedBy = "test-admin";
            flag.acknowledgementNote = "Seen in person";
            flag.version = 1;
        }
        return flag;
    }
}
