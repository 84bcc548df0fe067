package care.iop.plan.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import care.iop.plan.outcomes.domain.Instrument;
import care.iop.platform.problem.FieldError;
import care.iop.platform.problem.ProblemException;
import care.iop.problems.ProblemType;

/**
 * The shape rules of a plan's structure, checked after bean validation: every broken rule is a 400 naming the exact field
 * ({@code problems[0].goals[1].objectives[0].targetDate}, {@code interventions[0].objectiveIds[1]}), all of them in one answer.
 * <ul>
 * <li>ids are unique in the plan (problems, goals, objectives and interventions share one namespace);</li>
 * <li>an objective carries the fields of its kind and no other kind's; a SCORE target is within the instrument's range;
 * its target date lies within the plan (from its start to its end date);</li>
 * <li>an intervention lasts at most the plan's weeks; family sessions are 50 minutes; the
 * objectives it serves exist in the plan, each named once; individual sessions last 16 to 180 minutes.</li>
 * </ul>
 */
public final class ContentRules {
    static final String ONLY_FOR = "only for kind %s objectives; leave it out";
    static final int FAMILY_MINUTES = 50;
    static final int MIN_INDIVIDUAL_MINUTES = 16;
    static final int MAX_INDIVIDUAL_MINUTES = 180;

    private ContentRules() {
    }

    /** The content with every element given an id, or a 400 listing every broken rule. */
    public static PlanContent checked(PlanContent content, LocalDate start, int planWeeks) {
        List<FieldError> errors = new ArrayList<>();
        uniqueIds(content, errors);
        LocalDate end = start.plusWeeks(planWeeks);
        content.objectives().forEach((path, objective) -> objective(path, objective, start, end, planWeeks, errors));
        interventions(content, planWeeks, errors);
        fail(errors);
        return content.withIds();
    }

    private static void uniqueIds(PlanContent content, List<FieldError> errors) {
        Map<String, String> firstPath = new HashMap<>();
        for (PlanContent.Element element : content.elements()) {
            if (element.id() == null) {
                continue;
            }
            String first = firstPath.putIfAbsent(element.id(), element.path());
            if (first != null) {
                errors.add(new FieldError(element.path() + ".id", "duplicate id '" + element.id() + "': " + first + " has it already"));
            }
        }
    }

    private static void objective(String path, Objective o, LocalDate start, LocalDate end, int planWeeks, List<FieldError> errors) {
        String kind = o.kind();
        if (Objective.SCORE.equals(kind)) {
            required(errors, path, "instrument", o.instrument(), kind);
            required(errors, path, "target", o.target(), kind);
            if (o.instrument() != null && o.target() != null) {
                int max = Instrument.valueOf(o.instrument()).maxTotal();
                if (o.target() > max) {
                    errors.add(new FieldError(path + ".target", "must be at most " + max + ", the highest " + o.instrument() + " total"));
                }
            }
        } else {
            absent(errors, path, "instrument", o.instrument(), Objective.SCORE);
            absent(errors, path, "target", o.target(), Objective.SCORE);
        }
        if (Objective.ATTENDANCE.equals(kind)) {
            required(errors, path, "sessionsPerWeek", o.sessionsPerWeek(), kind);
            required(errors, path, "weeks", o.weeks(), kind);
            if (o.weeks() != null && o.weeks() > planWeeks) {
                errors.add(new FieldError(path + ".weeks", "must be at most the plan's " + planWeeks + " weeks"));
            }
        } else {
            absent(errors, path, "sessionsPerWeek", o.sessionsPerWeek(), Objective.ATTENDANCE);
            absent(errors, path, "weeks", o.weeks(), Objective.ATTENDANCE);
            absent(errors, path, "modality", o.modality(), Objective.ATTENDANCE);
        }
        if (Objective.BEHAVIOUR.equals(kind)) {
            required(errors, path, "behaviour", o.behaviour() == null || o.behaviour().isBlank() ? null : o.behaviour(), kind);
        } else {
            absent(errors, path, "behaviour", o.behaviour(), Objective.BEHAVIOUR);
        }
        if (o.targetDate() != null && (o.targetDate().isBefore(start) || o.targetDate().isAfter(end))) {
            errors.add(new FieldError(path + ".targetDate", "must be within the plan, from " + start + " to " + end));
        }
    }

    private static void interventions(PlanContent content, int planWeeks, List<FieldError> errors) {
        Set<String> objectives = new HashSet<>(content.objectiveIds());
        List<Intervention> list = content.interventionList();
        for (int i = 0; i < list.size(); i++) {
            Intervention intervention = list.get(i);
            String path = "interventions[" + i + "]";
            if (intervention.durationWeeks() != null && intervention.durationWeeks() > planWeeks) {
                errors.add(new FieldError(path + ".durationWeeks", "must be at most the plan's " + planWeeks + " weeks (leave it out: the whole plan)"));
            }
            if (Intervention.FAMILY.equals(intervention.modality()) && intervention.minutesPerSession() != FAMILY_MINUTES) {
                errors.add(new FieldError(path + ".minutesPerSession", "family sessions are " + FAMILY_MINUTES
                        + " minutes (CPT 90846/90847; the modality mix counts them so)"));
            }
            if (Intervention.INDIVIDUAL.equals(intervention.modality())
                    && (intervention.minutesPerSession() < MIN_INDIVIDUAL_MINUTES || intervention.minutesPerSession() > MAX_INDIVIDUAL_MINUTES)) {
                errors.add(new FieldError(path + ".minutesPerSession", "individual sessions are " + MIN_INDIVIDUAL_MINUTES + " to "
                        + MAX_INDIVIDUAL_MINUTES + " minutes (CPT 90832 starts at 16)"));
            }
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < intervention.objectiveIds().size(); j++) {
                String id = intervention.objectiveIds().get(j);
                String field = path + ".objectiveIds[" + j + "]";
                if (!objectives.contains(id)) {
                    errors.add(new FieldError(field, "no objective with id '" + id + "' in the plan"));
                } else if (!seen.add(id)) {
                    errors.add(new FieldError(field, "objective '" + id + "' is listed twice"));
                }
            }
        }
    }

    private static void required(List<FieldError> errors, String path, String field, Object value, String kind) {
        if (value == null) {
            errors.add(new FieldError(path + "." + field, "required for kind " + kind + " objectives"));
        }
    }

    private static void absent(List<FieldError> errors, String path, String field, Object value, String kind) {
        if (value != null) {
            errors.add(new FieldError(path + "." + field, String.format(ONLY_FOR, kind)));
        }
    }

    private static void fail(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION,
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
    }
}
