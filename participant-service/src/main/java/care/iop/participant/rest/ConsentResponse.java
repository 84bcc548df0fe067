package care.iop.participant.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.participant.domain.Consent;
import care.iop.participant.domain.ConsentKind;
import care.iop.participant.domain.ConsentStatus;
import care.iop.platform.privacy.Purpose;

@Schema(name = "Consent", description = "A consent and its status, evaluated when read")
public record ConsentResponse(UUID id, UUID patientId, ConsentKind kind, ConsentStatus status, LocalDate signedOn,
                              LocalDate expiresOn, String recipient,
                              @Schema(description = "PART2_DISCLOSURE: the client identity matched to a caller's token; absent on consents "
                                      + "recorded before recipients were matched (they match no caller)")
                              String recipientId,
                              @Schema(description = "PART2_DISCLOSURE: the purposes covered; empty on consents recorded before purposes "
                                      + "were structured (they match no caller)")
                              List<Purpose> purposes,
                              Instant grantedAt, String grantedBy, Instant revokedAt, String revokedBy, String revokeReason,
                              @Schema(description = "PART2_DISCLOSURE only: the notice that must accompany each disclosure")
                              String redisclosureNotice) {

    /** 42 CFR 2.32 notice, shortened. */
    public static final String PART2_NOTICE = "This record, protected by 42 CFR Part 2, was disclosed with the patient's consent; "
            + "federal law prohibits any further disclosure unless expressly permitted by the patient's written consent or by 42 CFR Part 2.";

    public static ConsentResponse from(Consent c, LocalDate today) {
        boolean part2 = c.kind == ConsentKind.PART2_DISCLOSURE;
        return new ConsentResponse(c.id, c.patientId, c.kind, c.statusOn(today), c.signedOn, c.expiresOn, c.recipient,
                c.recipientId, part2 ? c.purposeList() : null, c.grantedAt, c.grantedBy, c.revokedAt, c.revokedBy, c.revokeReason,
                part2 ? PART2_NOTICE : null);
    }
}
