package care.iop.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.agroal.api.AgroalDataSource;
import io.smallrye.health.api.Wellness;

/**
 * {@code outbox} in {@code /q/health/well} and {@code /q/health}: DOWN while events are parked (data:
 * {@code parked}, and {@code backlog}, the rows not yet published). A wellness check, neither liveness nor
 * readiness: a parked event needs an operator, not a restart, and the service keeps serving meanwhile.
 */
@Wellness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    static final String NAME = "outbox";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement counts = connection.prepareStatement(
                     "select (select count(*) from outbox_parked), (select count(*) from outbox)");
             ResultSet rs = counts.executeQuery()) {
            rs.next();
            long parked = rs.getLong(1);
            return response.status(parked == 0).withData("parked", parked).withData("backlog", rs.getLong(2)).build();
        } catch (SQLException e) {
            return response.down().withData("error", "database: " + e.getClass().getSimpleName()).build();
        }
    }
}
