package care.iop.session.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.session.domain.AttendanceStatus;

@Schema(description = "Who attended and for how long. Recording again replaces the previous record. Accepts the body GET returned: "
        + "read-only fields are accepted when they equal the recorded values, refused with 400 naming the field when they differ.")
public record AttendanceRequest(
        @Size(max = 4000) @Schema(description = "Staff-only note about the session as a whole", example = "Covered trigger mapping") String groupNote,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Attendee> attendees,
        @Schema(readOnly = true) UUID sessionId,
        @Schema(readOnly = true) String sessionType,
        @Schema(readOnly = true, description = "Read-only: the session's status") String status,
        @Schema(readOnly = true, description = "Read-only: computed from the attendees") Integer presentCount,
        @Schema(readOnly = true, description = "Read-only: computed from the attendees") String billingWarning) {

    public record Attendee(
            @NotNull @Schema(example = "3f0b6c1e-2d4a-4e8b-9c1d-7a2b5e9f0c33") UUID patientId,
            @NotNull @Schema(example = "ATTENDED") AttendanceStatus status,
            @NotNull @Min(0) @Max(720) @Schema(example = "180") Integer minutesAttended,
            @Size(max = 4000) @Schema(description = "This patient's own note; it must not name another member", example = "Engaged, shared twice") String note,
        @Schema(readOnly = true, description = "Read-only: suggested from the session type and minutes; when sent it must be the "
                + "code recorded for this patient (absent for a patient not recorded yet)") String billingCode) {
    }
}
