package care.iop.plan.content;

import java.time.LocalDate;
import java.util.List;

/**
 * A measurable, dated objective of a goal. {@code kind} says how it is measured:
 * <ul>
 * <li>{@value #SCORE}: {@code instrument} total at or below {@code target} ("PHQ-9 below 10 by week 6": target 9);</li>
 * <li>{@value #ATTENDANCE}: {@code sessionsPerWeek} attended sessions a week (of {@code modality}, any when absent) for
 * {@code weeks} weeks ("attends 3 groups a week for 4 weeks");</li>
 * <li>{@value #BEHAVIOUR}: a described {@code behaviour} ("uses a coping skill when craving, logged daily").</li>
 * </ul>
 * Every objective has a {@code targetDate} and a {@code status} (see {@link #STATUSES}).
 */
public record Objective(String id, String description, String kind, String instrument, Double target, Integer sessionsPerWeek,
                        Integer weeks, String modality, String behaviour, LocalDate targetDate, String status) {
    public static final String SCORE = "SCORE";
    public static final String ATTENDANCE = "ATTENDANCE";
    public static final String BEHAVIOUR = "BEHAVIOUR";
    public static final String NOT_STARTED = "not-started";
    public static final List<String> STATUSES = List.of(NOT_STARTED, "in-progress", "met", "not-met", "revised");

    public Objective {
        status = status == null ? NOT_STARTED : status;
    }

    Objective withId(String newId) {
        return new Objective(newId, description, kind, instrument, target, sessionsPerWeek, weeks, modality, behaviour, targetDate, status);
    }
}
