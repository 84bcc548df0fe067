package care.iop.participant.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.participant.domain.Gender;
import care.iop.participant.domain.PatientStatus;
import care.iop.participant.domain.Track;

/**
 * What a client sends to register or replace a patient's record. It may also carry the read-only fields of the GET
 * representation (read-modify-write, {@link care.iop.platform.web.ReadOnlyFields}).
 */
@Schema(name = "PatientRequest", description = "A patient's demographics and program placement. A PUT accepts the body GET returned: "
        + "read-only fields are accepted when they equal the current values (version: else 412), refused with 400 naming the field "
        + "when they differ; a POST refuses them.")
public record PatientRequest(
        @Schema(description = "Business identifiers, at most 20; each system + value names one patient only", maxItems = 20)
        @Size(max = 20) List<@NotNull @Valid IdentifierDto> identifiers,
        @Schema(example = "Ana") @NotBlank @Size(max = 100) String givenName,
        @Schema(example = "Diaz") @NotBlank @Size(max = 100) String familyName,
        @Schema(example = "1990-04-02", description = "From 1900-01-01 to today")
        @NotNull @PastOrPresent @Years LocalDate birthDate,
        @Schema(description = "FHIR administrative gender", enumeration = { "male", "female", "other", "unknown" }, example = "female")
        Gender gender,
        @Schema(example = "ADULT_SUD") @NotNull Track track,
        @Schema(description = "ASAM level of care", enumeration = { "1", "2.1", "2.5" }, example = "2.1")
        @NotNull @Pattern(regexp = "1|2\\.1|2\\.5", message = "must be one of 1, 2.1, 2.5") String levelOfCare,
        @Schema(example = "+1-555-0100")
        @Pattern(regexp = "\\+?[0-9][0-9 ().-]{3,24}", message = "must be a phone number like +1-555-0100") String phone,
        @Schema(example = "ana@example.org") @Email @Size(max = 254) String email,
        @Schema(description = "Admission to the program (years 1900-9999); when given the patient is ACTIVE, else REFERRED", example = "2026-11-30")
        @Years LocalDate admissionDate,
        @Schema(readOnly = true, description = "Read-only (set by the server): see Read-modify-write") UUID id,
        @Schema(readOnly = true, description = "Read-only: follows the admission date and discharge") PatientStatus status,
        @Schema(readOnly = true, description = "Read-only: set by POST /patients/{id}/discharge") LocalDate dischargedOn,
        @Schema(readOnly = true, description = "Read-only: set by POST /patients/{id}/discharge") String dischargeReason,
        @Schema(readOnly = true, description = "Read-only: set by POST /patients/{id}/discharge") String dischargeReasonCode,
        @Schema(readOnly = true, description = "Read-only: the version read; when sent it must be the current one (else 412, as If-Match)")
        Long version,
        @Schema(readOnly = true, description = "Read-only: the 42 CFR 2.32 notice a disclosure carries") String part2Notice) {
}
