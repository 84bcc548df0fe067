package care.iop.participant.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.participant.domain.PreferenceChange;

@Schema(name = "PreferenceChange", description = "One change of preferences: who, when, before (null for the first) and after")
public record PreferenceChangeResponse(UUID id, UUID patientId, Instant changedAt, String changedBy,
                                       Preferences before, Preferences after) {

    /** @param withConsiderations false for a role that may not read them: left out of before and after */
    public static PreferenceChangeResponse from(PreferenceChange c, boolean withConsiderations) {
        Preferences before = c.beforeGroupComfort == null && c.beforePreferredModality == null && c.beforeConsiderations == null
                && c.beforePreferredDays == null ? null
                : Preferences.of(c.beforeGroupComfort, c.beforePreferredModality, withConsiderations ? c.beforeConsiderations : null,
                        c.beforePreferredDays);
        return new PreferenceChangeResponse(c.id, c.patientId, c.changedAt, c.changedBy, before,
                Preferences.of(c.afterGroupComfort, c.afterPreferredModality, withConsiderations ? c.afterConsiderations : null,
                        c.afterPreferredDays));
    }
}
