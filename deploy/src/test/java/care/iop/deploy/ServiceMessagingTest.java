package care.iop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Kafka use read from each service's code, from which the KafkaUsers' ACLs are checked. */
class ServiceMessagingTest {

    @Test
    void participantServiceOnlyPublishesItsTopic() {
        ServiceMessaging participant = ServiceMessaging.of("participant-service");

        assertThat(participant.writes()).containsExactly("iop.participants");
        assertThat(participant.reads()).isEmpty();
        assertThat(participant.groups()).isEmpty();
    }

    @Test
    void consumersWriteTheDeadLettersOfWhatTheyRead() {
        ServiceMessaging plan = ServiceMessaging.of("plan-service");
        ServiceMessaging session = ServiceMessaging.of("session-service");

        assertThat(plan.writes()).containsExactlyInAnyOrder("iop.plans", "iop.participants.dlq", "iop.sessions.dlq");
        assertThat(plan.reads()).containsExactlyInAnyOrder("iop.participants", "iop.sessions");
        assertThat(plan.groups()).containsExactly("plan-service");
        assertThat(session.writes()).containsExactlyInAnyOrder("iop.sessions", "iop.participants.dlq", "iop.plans.dlq");
        assertThat(session.reads()).containsExactlyInAnyOrder("iop.participants", "iop.plans");
        assertThat(session.groups()).containsExactly("session-service");
    }
}
