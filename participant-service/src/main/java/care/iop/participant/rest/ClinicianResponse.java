package care.iop.participant.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.participant.domain.Clinician;

@Schema(name = "Clinician", description = "A stored clinician; version is also sent as the ETag")
public record ClinicianResponse(UUID id, String npi, String givenName, String familyName,
                                @Schema(example = "Sam Lee, LCSW") String displayName, List<String> credentials,
                                boolean canLeadGroups, Integer maxCaseload, boolean active, long version) {

    public static ClinicianResponse from(Clinician c) {
        return new ClinicianResponse(c.id, c.npi, c.givenName, c.familyName, c.displayName(), c.credentialList(),
                c.canLeadGroups, c.maxCaseload, c.active, c.version);
    }
}
