package care.iop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The relay's producer takes the service's Kafka security settings (TLS in Kubernetes) but keeps its own guarantees. */
class OutboxRelaySettingsTest {

    @Test
    void securitySettingsReachTheProducerAndTheRelaysOwnCannotBeOverridden() {
        Properties props = OutboxRelay.producerSettings(Map.of(
                "security.protocol", "SSL",
                "ssl.truststore.location", "/etc/iop/kafka/ca/ca.p12",
                "ssl.keystore.location", "/etc/iop/kafka/user/user.p12",
                "acks", "1",
                "group.id", "plan-service",
                "auto.offset.reset", "earliest"), "broker:9093", "plan-service-outbox");
        assertThat(props).containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.truststore.location", "/etc/iop/kafka/ca/ca.p12")
                .containsEntry("ssl.keystore.location", "/etc/iop/kafka/user/user.p12")
                .containsEntry("bootstrap.servers", "broker:9093")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("client.id", "plan-service-outbox")
                .doesNotContainKeys("group.id", "auto.offset.reset");
    }
}
