package care.iop.platform.privacy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code iop.privacy.*}: who is outside the program and how a caller is matched to a Part 2 consent. */
@ConfigMapping(prefix = "iop.privacy")
public interface PrivacyConfig {
    /** The notice of 42 CFR 2.32(a)(1) that goes with every disclosed Part 2 record. */
    String NOTICE = "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";

    /**
     * Roles of callers outside the program (an EHR, a payer, an HIE): every answer to them about a Part 2
     * patient is a disclosure and needs that patient's consent. Program staff roles use the records for treatment.
     */
    @WithDefault("integration")
    Set<String> externalRoles();

    /** Token claims naming the calling client, the first one present wins: matched to a consent's recipientId. */
    @WithDefault("azp,client_id,sub")
    List<String> clientIdentityClaims();

    /** The purpose of a request whose token carries no {@code purpose_of_use} claim. */
    @WithDefault("TREATMENT")
    Purpose defaultPurpose();

    /** The re-disclosure notice sent in the {@code Part2-Notice} header and the body's {@code part2Notice}. */
    @WithDefault(NOTICE)
    String notice();

    /**
     * The key of the keyed name fingerprints ({@link NameFingerprints}): a secret, the same in participant-service (which
     * publishes the fingerprints) and session-service (which checks notes with them); unset in services that use none.
     */
    Optional<String> fingerprintKey();
}
