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
                                  String considerations, List<DayOfWeek> preferredDays, long version) {

    public static PreferencesResponse from(Patient p) {
        return new PreferencesResponse(p.id, p.groupComfort, p.preferredModality, p.considerations,
                Preferences.parseDays(p.preferredDays), p.version);
    }
}
