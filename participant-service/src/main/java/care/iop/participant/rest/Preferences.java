package care.iop.participant.rest;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.participant.domain.GroupComfort;
import care.iop.participant.domain.Modality;

/** A patient's preferences at one point in time. */
@Schema(name = "Preferences")
public record Preferences(GroupComfort groupComfort, Modality preferredModality,
                          @Schema(description = "Free text for the care team; absent for a scheduler (minimum necessary)") String considerations,
                          List<DayOfWeek> preferredDays) {

    public static Preferences of(GroupComfort comfort, Modality modality, String considerations, String days) {
        return new Preferences(comfort, modality, considerations, parseDays(days));
    }

    public static List<DayOfWeek> parseDays(String days) {
        return days == null || days.isEmpty() ? List.of()
                : Arrays.stream(days.split(",")).map(DayOfWeek::valueOf).toList();
    }

    /** Distinct, Monday first, comma-separated; null when empty. */
    public static String formatDays(Collection<DayOfWeek> days) {
        if (days == null || days.isEmpty()) {
            return null;
        }
        return days.stream().distinct().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    }
}
