package care.iop.session;

import care.iop.testing.IopTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** One real PostgreSQL and Kafka broker for every test of this module (one Quarkus start). */
@QuarkusTestResource(value = IopTestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "iop_session"))
public final class TestResources {
    private TestResources() {
    }
}
