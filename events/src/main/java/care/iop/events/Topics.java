package care.iop.events;

/** Kafka topic names. Every topic has a dead-letter companion named {@code <topic>.dlq}. */
public final class Topics {
    public static final String PARTICIPANTS = "iop.participants";
    public static final String PLANS = "iop.plans";
    public static final String SESSIONS = "iop.sessions";
    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
