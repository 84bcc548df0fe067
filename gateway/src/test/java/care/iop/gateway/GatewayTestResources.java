package care.iop.gateway;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import care.iop.devstack.LocalKeys;
import care.iop.testing.IopTestInfrastructure;

/** Stub upstreams on free ports and the test key pair, configured into the gateway before it starts. */
public class GatewayTestResources implements QuarkusTestResourceLifecycleManager {
    public static final String CONTROL_URL = "iop.test.stub-control-url";

    private StubUpstreams stubs;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("mp.jwt.verify.publickey.location", LocalKeys.ensure(IopTestInfrastructure.KEYS_DIR).publicKeyFile().toUri().toString());
        stubs = new StubUpstreams();
        try {
            stubs.start().forEach((name, port) -> config.put("iop.gateway.upstreams." + name, "http://localhost:" + port));
        } catch (Exception e) {
            throw new IllegalStateException("Stub upstreams did not start", e);
        }
        config.put(CONTROL_URL, "http://localhost:" + stubs.controlPort());
        return config;
    }

    @Override
    public void stop() {
        if (stubs != null) {
            stubs.stop();
        }
    }
}
