package care.iop.gateway.fhir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The FHIR front door's settings ({@code iop.gateway.fhir.*}, docs/fhir.md): where clients get tokens (advertised in the
 * SMART configuration and the CapabilityStatement), how long the merged CapabilityStatement is reused, and where bulk
 * export jobs write their files and for how long.
 */
@ConfigMapping(prefix = "iop.gateway.fhir")
public interface FhirConfig {

    /** The identity provider's token endpoint (SMART {@code token_endpoint}, the oauth-uris {@code token}). */
    String tokenEndpoint();

    /**
     * The identity provider's authorization endpoint, for apps a person signs in to (SMART {@code authorization_endpoint});
     * unset: only backend services (client credentials) are advertised.
     */
    Optional<String> authorizationEndpoint();

    /** How the identity provider accepts client authentication at its token endpoint. */
    @WithDefault("private_key_jwt,client_secret_basic")
    List<String> tokenEndpointAuthMethods();

    /** How long a merged CapabilityStatement is reused before the services are asked again (a partial one never is). */
    @WithDefault("60s")
    Duration metadataCacheTtl();

    /** Directory of the bulk export files; unset: a new temporary directory per gateway process. */
    Optional<Path> exportDir();

    /** How long a finished export's files stay available (counted from its completion); then they and the job are gone. */
    @WithDefault("1h")
    Duration exportFileTtl();

    /** Export jobs running at once (each reads the services one after the other); further jobs wait in turn. */
    @WithDefault("2")
    int exportThreads();

    /** Jobs kept at once (queued, running and finished with files); a kick-off beyond it is refused with 429. */
    @WithDefault("50")
    int exportMaxJobs();
}
