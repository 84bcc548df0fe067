package care.iop.plan.signing.service;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Plan signatures ({@code iop.plan.signatures.*}). */
@ConfigMapping(prefix = "iop.plan.signatures")
public interface SigningConfig {

    /**
     * Credentials that practise under supervision (compared ignoring case): an author holding only these needs a
     * licensed co-signer, and a clinician holding only these cannot co-sign.
     */
    @WithDefault("LPC-A,LMFT-A,LMSW,LAC,LCDC-I,intern")
    List<String> supervisedCredentials();
}
