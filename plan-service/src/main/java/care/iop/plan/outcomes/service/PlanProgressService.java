package care.iop.plan.outcomes.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
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
 * Goal progress of a plan: for each goal with a measure, the baseline (first score of the instrument
 * at or after plan start), the latest score, change, percent change, response, remission and the FHIR
 * achievement status. Computed on read, so it follows every new score. Reads the plan table of the
 * plan module ({@code care_plan}: patient, start date, goals JSON).
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
        List<Object[]> rows = em.createNativeQuery("select patient_id, start_date, goals, end_date from care_plan where id = ?1")
                .setParameter(1, planId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("CarePlan", planId);
        }
        UUID patientId = (UUID) rows.get(0)[0];
        user.requireAccessToPatient(patientId, "CarePlan", planId);
        disclosure.require(patientId, "CarePlan", planId);
        LocalDate start = toLocalDate(rows.get(0)[1]);
        LocalDate end = toLocalDate(rows.get(0)[3]);
        List<GoalProgress.Goal> goals = new ArrayList<>();
        JsonNode goalList = readGoals((String) rows.get(0)[2]);
        for (int i = 0; i < goalList.size(); i++) {
            JsonNode goal = goalList.get(i);
            JsonNode measure = goal.path("measure");
            if (measure.isMissingNode() || measure.isNull() || !measure.hasNonNull("instrument")) {
                continue;
            }
            Instrument instrument;
            try {
                instrument = Instrument.valueOf(measure.get("instrument").asText());
            } catch (IllegalArgumentException e) {
                continue;
            }
            goals.add(goal(i, goal.path("description").asText(null), instrument, measure.path("target").asDouble(),
                    measure.hasNonNull("dueDate") ? LocalDate.parse(measure.get("dueDate").asText()) : null, patientId, start, end));
        }
        audit.success(AuditAction.READ, RESOURCE, planId, patientId);
        return new GoalProgress(planId, patientId, start, goals);
    }

    private GoalProgress.Goal goal(int index, String description, Instrument instrument, double target, LocalDate due,
                                   UUID patientId, LocalDate start, LocalDate end) {
        // the plan's own scores: from its first day up to its end date (exclusive), so a later plan's scores never move it
        List<Assessment> scores = Assessment.list("patientId = ?1 and instrument = ?2 and takenAt >= ?3 and takenAt < ?4",
                Sort.by("takenAt").and("recordedAt").and("id"), patientId, instrument,
                start.atStartOfDay(config.timeZone()).toOffsetDateTime(), end.atStartOfDay(config.timeZone()).toOffsetDateTime());
        if (scores.isEmpty()) {
            return new GoalProgress.Goal(index, description, instrument, target, due, 0, null, null, null, null, null, null,
                    "in-progress");
        }
        Assessment first = scores.get(0);
        Assessment last = scores.get(scores.size() - 1);
        int change = last.total - first.total;
        Double percent = first.total == 0 ? null
                : BigDecimal.valueOf(100.0 * change / first.total).setScale(1, RoundingMode.HALF_UP).doubleValue();
        boolean response = first.total > 0 && 2 * last.total <= first.total;
        Boolean remission = instrument.definesRemission() ? last.total < Instrument.REMISSION_BELOW : null;
        return new GoalProgress.Goal(index, description, instrument, target, due, scores.size(), score(first), score(last),
                change, percent, response, remission, status(scores.size(), first.total, last.total, target));
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

    private JsonNode readGoals(String text) {
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
