package care.iop.participant.rest;

import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.participant.domain.GroupComfort;
import care.iop.participant.domain.Modality;
import care.iop.participant.domain.Patient;

@Schema(name = "PatientPreferences", description = "Current preferences; null values: not recorded yet")
public record PreferencesResponse(UUID patientId, GroupComfort groupComfort, Modality preferredModality,
                                  @Schema(description = "Free text for the care team; absent for a scheduler (minimum necessary)")
                                  String considerations, List<DayOfWeek> preferredDays, long version) {

    /** @param withConsiderations false for a role that may not read them: the field is left out */
    public static PreferencesResponse from(Patient p, boolean withConsiderations) {
        return new PreferencesResponse(p.id, p.groupComfort, p.preferredModality, withConsiderations ? p.considerations : null,
                Preferences.parseDays(p.preferredDays), p.version);
    }
}
