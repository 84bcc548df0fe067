package care.iop.session.notes.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.session.notes.domain.NoteFormat;
import care.iop.session.notes.domain.NoteKind;
import care.iop.session.notes.domain.NoteStatus;

@Schema(name = "ProgressNoteUpdate", description = "The new text of a draft, in its format (dap or birp), and its objectives. Accepts "
        + "the body GET returned: read-only fields are accepted when they equal the current values (version: else 412), refused with "
        + "400 naming the field when they differ.")
public record NoteUpdateRequest(
        @Valid NoteContent.Dap dap,
        @Valid NoteContent.Birp birp,
        @Size(max = 20) @Schema(description = "Replaces the objectives (absent: none); the same rule as on creation: on a "
                + "patient's note each must be an objective of the patient's current plan when plan events made its objectives known "
                + "(else 422 naming objectiveIds[i]); otherwise accepted as given", example = "[\"O2\"]")
        List<@NotNull @Pattern(regexp = NoteContent.OBJECTIVE_ID, message = "must match " + NoteContent.OBJECTIVE_ID) String> objectiveIds,
        @Schema(readOnly = true) UUID id,
        @Schema(readOnly = true) UUID sessionId,
        @Schema(readOnly = true) String sessionType,
        @Schema(readOnly = true) UUID patientId,
        @Schema(readOnly = true) NoteKind kind,
        @Schema(readOnly = true) NoteFormat format,
        @Schema(readOnly = true) NoteStatus status,
        @Schema(readOnly = true) String author,
        @Schema(readOnly = true) UUID authorClinicianId,
        @Schema(readOnly = true) OffsetDateTime createdAt,
        @Schema(readOnly = true) OffsetDateTime updatedAt,
        @Schema(readOnly = true) OffsetDateTime dueAt,
        @Schema(readOnly = true) NoteViews.Signature signature,
        @Schema(readOnly = true) NoteViews.Signature cosignature,
        @Schema(readOnly = true) OffsetDateTime lockedAt,
        @Schema(readOnly = true) NoteViews.EnteredInError enteredInError,
        @Schema(readOnly = true) List<NoteViews.Addendum> addenda,
        @Schema(readOnly = true, description = "Read-only: the version read; when sent it must be the current one (else 412, as If-Match)")
        Long version) {
}
