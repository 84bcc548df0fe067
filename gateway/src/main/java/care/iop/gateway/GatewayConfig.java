package care.iop.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Gateway settings ({@code iop.gateway.*}); every one can be set with its environment variable, e.g. {@code IOP_GATEWAY_UPSTREAM_TIMEOUT}. */
@ConfigMapping(prefix = "iop.gateway")
public interface GatewayConfig {

    /** Base URL of each upstream service by name: participant, plan, session. */
    Map<String, URI> upstreams();

    /** Largest request body accepted; larger ones get 413. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * Longest request target (path and query) accepted; longer ones get 414 problem+json. At most the HTTP server's own
     * ceiling ({@code quarkus.http.limits.max-initial-line-length}), beyond which it answers a bare 414.
     */
    @WithDefault("4096")
    int maxUriLength();

    /**
     * Largest total of request header fields accepted; larger ones get 431 problem+json. Below the services' limit (the
     * gateway adds forwarding headers) and at most the HTTP server's ceiling ({@code quarkus.http.limits.max-header-size}).
     */
    @WithDefault("16K")
    MemorySize maxHeaderSize();

    /** How long an upstream may stay silent before the gateway answers 504. */
    @WithDefault("30s")
    Duration upstreamTimeout();

    /** How long connecting to an upstream may take before the gateway answers 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Connections kept per upstream. */
    @WithDefault("128")
    int maxConnectionsPerUpstream();

    /**
     * Proxies in front of the gateway (IP addresses or CIDR blocks, e.g. the ingress controller's pod network)
     * whose {@code X-Forwarded-For/-Proto/-Host} are believed. Empty (the default): nobody's are.
     */
    Optional<List<String>> trustedProxies();

    RateLimit rateLimit();

    OpenApi openapi();

    Audit audit();

    ReadYourWrites readYourWrites();

    Worklist worklist();

    interface RateLimit {
        /** Whether the per-client limit applies at all. */
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second per client (token subject, else client address). */
        @WithDefault("50")
        double requestsPerSecond();

        /** Requests a client may send at once above the sustained rate. */
        @WithDefault("100")
        int burst();

        /** Most clients tracked at once; beyond it, clients without a bucket share one. */
        @WithDefault("50000")
        int maxClients();
    }

    interface OpenApi {
        /** How long a merged document is reused before the services are asked again. */
        @WithDefault("60s")
        Duration cacheTtl();

        /** Server URLs written into the merged document (the gateway's public address). */
        @WithDefault("/")
        List<String> servers();

        /** Title of the merged document. */
        @WithDefault("IOP Care API")
        String title();

        /** Version of the merged document. */
        @WithDefault("1.0")
        String version();

        /** Who answers questions about the API (info.contact.name). */
        @WithDefault("IOP Care")
        String contactName();

        /** Where to ask (info.contact.url). */
        @WithDefault("https://iop.care")
        String contactUrl();

        /** The licence of the API (info.license.name). */
        @WithDefault("Proprietary")
        String licenseName();

        /** Its SPDX expression (info.license.identifier); give it or license-url, not both. */
        @WithDefault("LicenseRef-Proprietary")
        Optional<String> licenseIdentifier();

        /** Where the licence text is (info.license.url), instead of an identifier. */
        Optional<String> licenseUrl();
    }

    interface Audit {
        /** Most entries read from one service for one merged audit request; beyond it the caller must narrow the window. */
        @WithDefault("10000")
        int maxEntriesPerService();
    }

    /** Read-your-writes for clients that do not pass {@code Consistency-Token} on themselves (docs/gateway.md). */
    interface ReadYourWrites {
        /** Whether the gateway remembers each caller's latest tokens and sends them with the caller's next requests. */
        @WithDefault("true")
        boolean enabled();

        /** How long a token is sent along after the write that answered it. */
        @WithDefault("10s")
        Duration rememberFor();

        /** Most callers remembered at once (a few hundred bytes each); beyond it new callers are not remembered. */
        @WithDefault("10000")
        int maxCallers();
    }

    /** The clinician's worklist, merged from the services' worklist items (docs/gateway.md). */
    interface Worklist {
        /** How long the gateway waits for each service's items; a service slower than this is left out ({@code partial}). */
        @WithDefault("2s")
        Duration timeout();
    }

    /** The configured upstream URL by name, or a startup failure naming the missing setting. */
    default URI upstream(String name) {
        URI url = upstreams().get(name);
        if (url == null) {
            throw new IllegalStateException("No upstream URL configured for '" + name + "' (iop.gateway.upstreams." + name + ")");
        }
        return url;
    }

    default Optional<URI> maybeUpstream(String name) {
        return Optional.ofNullable(upstreams().get(name));
    }
}
