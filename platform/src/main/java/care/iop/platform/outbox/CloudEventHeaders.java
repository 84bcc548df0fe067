package care.iop.platform.outbox;

/** CloudEvents 1.0 Kafka protocol binding, binary mode: attributes travel as {@code ce_*} headers. */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** Extension attribute: the X-Request-Id of the request that produced the event. */
    public static final String REQUEST_ID = "ce_requestid";
    public static final String CONTENT_TYPE = "content-type";
    /** W3C trace context (CloudEvents distributed-tracing extension), present when tracing is on. */
    public static final String TRACEPARENT = "traceparent";

    private CloudEventHeaders() {
    }
}
