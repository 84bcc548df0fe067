package care.iop.plan.outcomes.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.plan.outcomes.domain.Assessment;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.privacy.Disclosure;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import io.quarkus.panache.common.Sort;

/**
 * Goal progress of a plan: for each goal with a measure (the plan's goals, then its problems' goals), the baseline (first
 * score of the instrument at or after plan start), the latest score, change, percent change, response, remission and the
 * FHIR achievement status; for each SCORE objective, the latest score against its target and whether it was met by its
 * target date. Computed on read, so it follows every new score. Reads the plan table of the plan module
 * ({@code care_plan}: patient, dates, problems and goals JSON).
 */
@ApplicationScoped
public class PlanProgressService {
    public static final String RESOURCE = "PlanProgress";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    Disclosure disclosure;

    @Inject
    OutcomesConfig config;

    @Transactional
    @SuppressWarnings("unchecked")
    public GoalProgress progress(@NotNull UUID planId) {
        List<Object[]> rows = em.createNativeQuery("select patient_id, start_date, goals, end_date, problems from care_plan where id = ?1")
                .setParameter(1, planId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("CarePlan", planId);
        }
        UUID patientId = (UUID) rows.get(0)[0];
        user.requireAccessToPatient(patientId, "CarePlan", planId);
        disclosure.require(patientId, "CarePlan", planId);
        LocalDate start = toLocalDate(rows.get(0)[1]);
        LocalDate end = toLocalDate(rows.get(0)[3]);
        Window window = new Window(patientId, start, end);
        List<GoalProgress.Goal> goals = new ArrayList<>();
        List<GoalProgress.Objective> objectives = new ArrayList<>();
        JsonNode goalList = readArray((String) rows.get(0)[2]);
        JsonNode problemList = readArray((String) rows.get(0)[4]);
        for (int p = 0; p < problemList.size(); p++) {
            JsonNode problemGoals = problemList.get(p).path("goals");
            for (int g = 0; g < problemGoals.size(); g++) {
                objectives(problemGoals.get(g), "problems[" + p + "].goals[" + g + "]", window, objectives);
            }
        }
        for (int i = 0; i < goalList.size(); i++) {
            objectives(goalList.get(i), "goals[" + i + "]", window, objectives);
        }
        for (int i = 0; i < goalList.size(); i++) {
            measuredGoal(i, goalList.get(i), "goals[" + i + "]", window, goals);
        }
        for (int p = 0; p < problemList.size(); p++) {
            JsonNode problemGoals = problemList.get(p).path("goals");
            for (int g = 0; g < problemGoals.size(); g++) {
                measuredGoal(null, problemGoals.get(g), "problems[" + p + "].goals[" + g + "]", window, goals);
            }
        }
        audit.success(AuditAction.READ, RESOURCE, planId, patientId);
        return new GoalProgress(planId, patientId, start, goals, objectives);
    }

    /** The plan's patient and dates: its own scores are those from its first day up to its end date (exclusive). */
    private record Window(UUID patientId, LocalDate start, LocalDate end) {
    }

    private void measuredGoal(Integer index, JsonNode goal, String path, Window window, List<GoalProgress.Goal> goals) {
        JsonNode measure = goal.path("measure");
        Instrument instrument = instrument(measure);
        if (instrument == null) {
            return;
        }
        goals.add(goal(index, goal.path("id").asText(null), path, goal.path("description").asText(null), instrument,
                measure.path("target").asDouble(), measure.hasNonNull("dueDate") ? LocalDate.parse(measure.get("dueDate").asText()) : null,
                window));
    }

    /** The SCORE objectives of a goal. */
    private void objectives(JsonNode goal, String goalPath, Window window, List<GoalProgress.Objective> objectives) {
        JsonNode list = goal.path("objectives");
        for (int o = 0; o < list.size(); o++) {
            JsonNode objective = list.get(o);
            Instrument instrument = instrument(objective);
            if (!"SCORE".equals(objective.path("kind").asText()) || instrument == null || !objective.hasNonNull("targetDate")) {
                continue;
            }
            objectives.add(objective(objective, goalPath + ".objectives[" + o + "]", instrument, window));
        }
    }

    private GoalProgress.Objective objective(JsonNode o, String path, Instrument instrument, Window window) {
        double target = o.path("target").asDouble();
        LocalDate targetDate = LocalDate.parse(o.get("targetDate").asText());
        List<Assessment> scores = scores(instrument, window);
        OffsetDateTime afterTargetDate = targetDate.plusDays(1).atStartOfDay(config.timeZone()).toOffsetDateTime();
        Assessment decisive = null;
        for (Assessment score : scores) {
            if (score.takenAt.isBefore(afterTargetDate)) {
                decisive = score;
            }
        }
        String measured;
        if (decisive != null && decisive.total <= target) {
            measured = "met";
        } else if (LocalDate.now(config.timeZone()).isAfter(targetDate)) {
            measured = "not-met";
        } else {
            measured = scores.isEmpty() ? "not-started" : "in-progress";
        }
        return new GoalProgress.Objective(o.path("id").asText(null), path, o.path("description").asText(null), instrument, target,
                targetDate, o.path("status").asText("not-started"), scores.size(), scores.isEmpty() ? null : score(scores.get(0)),
                scores.isEmpty() ? null : score(scores.get(scores.size() - 1)), decisive == null ? null : score(decisive), measured);
    }

    private GoalProgress.Goal goal(Integer index, String id, String path, String description, Instrument instrument, double target,
                                   LocalDate due, Window window) {
        List<Assessment> scores = scores(instrument, window);
        if (scores.isEmpty()) {
            return new GoalProgress.Goal(index, id, path, description, instrument, target, due, 0, null, null, null, null, null, null,
                    "in-progress");
        }
        Assessment first = scores.get(0);
        Assessment last = scores.get(scores.size() - 1);
        int change = last.total - first.total;
        Double percent = first.total == 0 ? null
                : BigDecimal.valueOf(100.0 * change / first.total).setScale(1, RoundingMode.HALF_UP).doubleValue();
        boolean response = first.total > 0 && 2 * last.total <= first.total;
        Boolean remission = instrument.definesRemission() ? last.total < Instrument.REMISSION_BELOW : null;
        return new GoalProgress.Goal(index, id, path, description, instrument, target, due, scores.size(), score(first), score(last),
                change, percent, response, remission, status(scores.size(), first.total, last.total, target));
    }

    /** The plan's own scores of an instrument: from its first day up to its end date (exclusive), so a later plan's scores never move it. */
    private List<Assessment> scores(Instrument instrument, Window window) {
        return Assessment.list("patientId = ?1 and instrument = ?2 and takenAt >= ?3 and takenAt < ?4",
                Sort.by("takenAt").and("recordedAt").and("id"), window.patientId(), instrument,
                window.start().atStartOfDay(config.timeZone()).toOffsetDateTime(),
                window.end().atStartOfDay(config.timeZone()).toOffsetDateTime());
    }

    /** The instrument a measure or objective names, or null (none, or not one this service scores). */
    private static Instrument instrument(JsonNode node) {
        if (node.isMissingNode() || node.isNull() || !node.hasNonNull("instrument")) {
            return null;
        }
        try {
            return Instrument.valueOf(node.get("instrument").asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** FHIR Goal.achievementStatus from the scores (lower is better). */
    static String status(int count, int baseline, int latest, double target) {
        if (latest <= target) {
            return "achieved";
        }
        if (count < 2) {
            return "in-progress";
        }
        if (latest < baseline) {
            return "improving";
        }
        return latest > baseline ? "worsening" : "no-change";
    }

    private static GoalProgress.Score score(Assessment a) {
        return new GoalProgress.Score(a.id, a.total, a.band, a.takenAt);
    }

    private JsonNode readArray(String text) {
        try {
            JsonNode node = json.readTree(text == null ? "[]" : text);
            return node.isArray() ? node : json.createArrayNode();
        } catch (Exception e) {
            return json.createArrayNode();
        }
    }

    private static LocalDate toLocalDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
