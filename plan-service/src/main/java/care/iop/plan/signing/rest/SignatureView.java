package care.iop.plan.signing.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.plan.signing.domain.PlanSignature;
import care.iop.plan.signing.service.ClinicianCredentials;

/** One signature of a plan version. */
@Schema(name = "PlanSignature")
public record SignatureView(UUID id, int version,
                            @Schema(example = "patient", enumeration = { "patient", "guardian", "author", "co-signer" }) String role,
                            @Schema(example = "electronic", enumeration = { "in-person", "electronic", "verbal" }) String method,
                            @Schema(description = "The token subject that recorded it: the signer's own (electronic) or the staff member's")
                            String signedBy,
                            @Schema(description = "The person who signed, as recorded by staff") String signerName,
                            @Schema(description = "The signing clinician (author, co-signer)") UUID clinicianId,
                            @Schema(description = "The signing clinician's credentials when signing", example = "[\"LPC-A\"]") List<String> credentials,
                            String witness, OffsetDateTime signedAt) {

    static SignatureView of(PlanSignature s) {
        return new SignatureView(s.id, s.versionNumber, s.roleCode, s.methodCode, s.signer, s.signerName, s.clinicianId,
                s.credentials == null ? null : ClinicianCredentials.parse(s.credentials), s.witness, s.signedAt);
    }
}
