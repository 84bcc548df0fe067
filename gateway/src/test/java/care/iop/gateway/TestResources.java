package care.iop.gateway;

import io.quarkus.test.common.QuarkusTestResource;

/** The one test resource declaration of this module: every test shares one gateway and one set of stubs. */
@QuarkusTestResource(GatewayTestResources.class)
public final class TestResources {
    private TestResources() {
    }
}
