package care.iop.gateway;

import java.net.URI;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

/** Gateway settings ({@code iop.gateway.*}). */
@ConfigMapping(prefix = "iop.gateway")
public interface GatewayConfig {

    /** Base URL of each upstream service by name: participant, plan, session. */
    Map<String, URI> upstreams();
}
