package care.iop.platform.inbox;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.platform.outbox.CloudEventHeaders;
import care.iop.platform.web.RequestIds;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/** A CloudEvent read from Kafka (binary mode): its attributes and JSON payload. */
public record IncomingEvent(String id, String type, String source, String subject, String requestId, String key,
                            String payload) {

    /** Reads the CloudEvents headers; a record without {@code ce_id} or {@code ce_type} is unprocessable. */
    public static IncomingEvent from(KafkaRecord<String, String> record) {
        Headers headers = record.getHeaders();
        String id = header(headers, CloudEventHeaders.ID);
        String type = header(headers, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new UnprocessableEventException("Not a CloudEvent: ce_id and ce_type headers are required");
        }
        if (record.getPayload() == null) {
            throw new UnprocessableEventException("Event " + id + " has no payload");
        }
        return new IncomingEvent(id, type, header(headers, CloudEventHeaders.SOURCE), header(headers, CloudEventHeaders.SUBJECT),
                header(headers, CloudEventHeaders.REQUEST_ID), record.getKey(), record.getPayload());
    }

    /** The payload as a record of the events module; unreadable JSON is unprocessable. */
    public <T> T payloadAs(Class<T> type, ObjectMapper json) {
        try {
            return json.readerFor(type).without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(payload);
        } catch (Exception e) {
            throw new UnprocessableEventException("Payload of " + type.getSimpleName() + " event " + id + " is unreadable", e);
        }
    }

    /** The id of the aggregate the event is about: {@code ce_subject}, else the record key (null when neither is set). */
    public String aggregateId() {
        return subject != null ? subject : key;
    }

    /** Puts the producing request's id in the log context while the event is handled. */
    public IncomingEvent bindRequestId() {
        if (requestId != null) {
            MDC.put(RequestIds.MDC_KEY, requestId);
        }
        return this;
    }

    /** The event type is unknown to this consumer (e.g. a newer version): unprocessable. */
    public UnprocessableEventException unsupported() {
        return new UnprocessableEventException("Unsupported event type " + type + " (event " + id + ")");
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
