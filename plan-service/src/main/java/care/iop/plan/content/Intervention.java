package care.iop.plan.content;

import java.util.List;
import java.util.UUID;

/**
 * What the program does for the patient: a modality ({@value #INDIVIDUAL}, {@value #GROUP}, {@value #FAMILY}), how often and
 * how long ({@code sessionsPerWeek} x {@code minutesPerSession}, for {@code durationWeeks} weeks from the plan's start; null:
 * the whole plan), who is responsible, and the objectives (ids) it serves. The plan's weekly modality mix follows from its
 * interventions ({@link InterventionMix}).
 */
public record Intervention(String id, String modality, String description, int sessionsPerWeek, int minutesPerSession,
                           Integer durationWeeks, UUID responsibleClinicianId, List<String> objectiveIds) {
    public static final String INDIVIDUAL = "individual";
    public static final String GROUP = "group";
    public static final String FAMILY = "family";
    public static final List<String> MODALITIES = List.of(INDIVIDUAL, GROUP, FAMILY);

    public Intervention {
        objectiveIds = objectiveIds == null ? List.of() : List.copyOf(objectiveIds);
    }

    public int weeklyMinutes() {
        return sessionsPerWeek * minutesPerSession;
    }

    public Intervention withId(String newId) {
        return new Intervention(newId, modality, description, sessionsPerWeek, minutesPerSession, durationWeeks, responsibleClinicianId,
                objectiveIds);
    }

    public Intervention withObjectiveIds(List<String> ids) {
        return new Intervention(id, modality, description, sessionsPerWeek, minutesPerSession, durationWeeks, responsibleClinicianId, ids);
    }

    /** The same without clinical content (description, objectives): what a scheduler may see. */
    public Intervention withoutClinicalContent() {
        return new Intervention(id, modality, null, sessionsPerWeek, minutesPerSession, durationWeeks, responsibleClinicianId, null);
    }
}
