package care.iop.participant.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.participant.domain.Identifier;

/** A patient identifier: a namespace URI and a value (FHIR Identifier.system / value). */
@Schema(name = "Identifier", description = "A business identifier such as an EHR's medical record number; system + value is unique")
public record IdentifierDto(
        @Schema(description = "Absolute URI naming the namespace", example = "urn:example:mrn")
        @NotBlank @Size(max = 200)
        @Pattern(regexp = "[A-Za-z][A-Za-z0-9+.-]*:[^\\s|]+", message = "must be an absolute URI like urn:example:mrn")
        String system,
        @Schema(description = "The identifier within the namespace; no '|' and no surrounding spaces", example = "MRN-0001")
        @NotBlank @Size(max = 100)
        @Pattern(regexp = "[^\\s|]([^|]*[^\\s|])?", message = "must not contain '|' or start or end with a space")
        String value) {

    public Identifier toDomain() {
        return new Identifier(system, value);
    }

    public static IdentifierDto from(Identifier identifier) {
        return new IdentifierDto(identifier.system, identifier.value);
    }
}
