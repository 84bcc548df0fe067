package care.iop.participant.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.participant.domain.Gender;
import care.iop.participant.domain.Patient;
import care.iop.participant.domain.PatientStatus;
import care.iop.participant.domain.Track;

@Schema(name = "Patient", description = "A stored patient; version is also sent as the ETag")
public record PatientResponse(UUID id, List<IdentifierDto> identifiers, String givenName, String familyName,
                              LocalDate birthDate, Gender gender, Track track,
                              @Schema(enumeration = { "1", "2.1", "2.5" }) String levelOfCare, String phone, String email,
                              LocalDate admissionDate, PatientStatus status, LocalDate dischargedOn, String dischargeReason,
                              @Schema(description = "The coded discharge reason", enumeration = { "COMPLETED", "STEPPED_DOWN", "TRANSFERRED",
                                      "LEFT_AGAINST_ADVICE", "NON_ATTENDANCE", "ADMINISTRATIVE", "OTHER" }) String dischargeReasonCode,
                              long version) {

    public static PatientResponse from(Patient p) {
        return new PatientResponse(p.id, p.identifiers.stream().map(IdentifierDto::from).toList(), p.givenName, p.familyName,
                p.birthDate, p.gender, p.track, p.levelOfCare, p.phone, p.email, p.admissionDate, p.status, p.dischargedOn,
                p.dischargeReason, p.dischargeReasonCode, p.version);
    }
}
