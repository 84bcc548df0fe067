package care.iop.participant.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.participant.service.Npi;

@Schema(name = "ClinicianRequest", description = "A clinician's registration. A PUT accepts the body GET returned: read-only fields "
        + "are accepted when they equal the current values (version: else 412), refused with 400 naming the field when they differ; "
        + "a POST refuses them.")
public record ClinicianRequest(
        @Schema(example = "1234567893", description = "10-digit NPI passing the check-digit rule (Luhn with prefix 80840)")
        @NotNull @Npi String npi,
        @Schema(example = "Sam") @NotBlank @Size(max = 100) String givenName,
        @Schema(example = "Lee") @NotBlank @Size(max = 100) String familyName,
        @Schema(example = "[\"LCSW\"]") @Size(max = 10)
        List<@NotNull @Pattern(regexp = "[A-Za-z][A-Za-z0-9.-]{0,19}", message = "must be a credential like LCSW") String> credentials,
        @Schema(example = "true") @NotNull Boolean canLeadGroups,
        @Schema(example = "25") @Min(1) @Max(500) Integer maxCaseload,
        @Schema(example = "true", description = "Defaults to true") Boolean active,
        @Schema(readOnly = true, description = "Read-only (set by the server): see Read-modify-write") UUID id,
        @Schema(readOnly = true, description = "Read-only: computed from the names and credentials") String displayName,
        @Schema(readOnly = true, description = "Read-only: the version read; when sent it must be the current one (else 412, as If-Match)")
        Long version) {
}
