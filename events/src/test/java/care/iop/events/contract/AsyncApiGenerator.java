package care.iop.events.contract;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import care.iop.events.EventCatalog;
import care.iop.events.Topics;

/**
 * Derives the AsyncAPI 3.0.0 document of the IOP Care events from {@link EventCatalog} and the payload records: one
 * channel per topic and per dead-letter topic, one message per event type (CloudEvents headers with its {@code ce_type},
 * the record key, the payload schema), a send operation per producer and a receive operation per consumer, and a JSON
 * Schema per record derived by reflection (primitive components required, the others optional and nullable).
 */
final class AsyncApiGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "care.iop.";
    private static final String KAFKA_BINDING = "0.5.0";

    /** Topic → channel id. */
    private static final Map<String, String> CHANNELS = Map.of(
            Topics.PARTICIPANTS, "participants", Topics.PLANS, "plans", Topics.SESSIONS, "sessions");

    /** Who reads each topic (docs/events.md). */
    private static final Map<String, List<String>> CONSUMERS = Map.of(
            Topics.PARTICIPANTS, List.of("plan-service", "session-service"),
            Topics.PLANS, List.of("session-service"),
            Topics.SESSIONS, List.of("plan-service"));

    private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();

    private AsyncApiGenerator() {
    }

    static ObjectNode document() {
        return new AsyncApiGenerator().build();
    }

    /** Message id of an event type: {@code care.iop.patient.consent-granted.v1} → {@code patientConsentGrantedV1}. */
    static String messageId(String type) {
        String[] words = type.substring(PREFIX.length()).split("[.-]");
        StringBuilder id = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return id.toString();
    }

    private ObjectNode build() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "IOP Care events");
        info.put("version", "1");
        info.put("description", "State changes the IOP Care services publish on Kafka through their transactional outbox, as CloudEvents 1.0 "
                + "in binary mode: the payload is the JSON value, the CloudEvents attributes are record headers (ce_*). The record key is "
                + "the aggregate id, so the events of one patient, plan or session keep their order. Every payload carries the "
                + "aggregate's full state (consumers upsert and ignore an older version); null fields may be left out. A breaking "
                + "change gets a new type version (.v2). Consumers deduplicate on ce_id. Generated from care.iop.events.EventCatalog "
                + "and the payload records (docs/events.md).");
        doc.put("defaultContentType", "application/json");
        ObjectNode server = doc.putObject("servers").putObject("kafka");
        server.put("host", "localhost:9092");
        server.put("protocol", "kafka");
        server.put("description", "The Kafka cluster (IOP_KAFKA_BOOTSTRAP; ./iop up starts one on localhost:9092).");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = JSON.createObjectNode();
        for (String topic : List.of(Topics.PARTICIPANTS, Topics.PLANS, Topics.SESSIONS)) {
            addTopic(topic, channels, operations, messages);
        }
        components.set("schemas", schemaSection());
        components.set("messages", messages);
        return doc;
    }

    private void addTopic(String topic, ObjectNode channels, ObjectNode operations, ObjectNode messages) {
        String channelId = CHANNELS.get(topic);
        String producer = EventCatalog.PRODUCERS.get(topic);
        ObjectNode channel = channels.putObject(channelId);
        channel.put("address", topic);
        channel.put("title", topic);
        channel.put("description", "Published by " + producer + " (ce_source /iop/" + producer + "); read by "
                + String.join(" and ", CONSUMERS.get(topic)) + ".");
        ObjectNode channelMessages = channel.putObject("messages");
        List<String> ids = new ArrayList<>();
        for (EventCatalog.Entry entry : EventCatalog.ENTRIES) {
            if (entry.topic().equals(topic)) {
                String id = messageId(entry.type());
                ids.add(id);
                channelMessages.putObject(id).put("$ref", "#/components/messages/" + id);
                messages.set(id, message(entry));
            }
        }

        ObjectNode send = operations.putObject("publish" + capitalize(channelId));
        send.put("action", "send");
        send.putObject("channel").put("$ref", "#/channels/" + channelId);
        send.put("summary", producer + " publishes its state changes on " + topic + ".");
        ArrayNode sent = send.putArray("messages");
        ids.forEach(id -> sent.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + id));
        for (String consumer : CONSUMERS.get(topic)) {
            ObjectNode receive = operations.putObject(camel(consumer) + "Receives" + capitalize(channelId));
            receive.put("action", "receive");
            receive.putObject("channel").put("$ref", "#/channels/" + channelId);
            receive.put("summary", consumer + " keeps read models from " + topic + " (types it does not use are skipped; unreadable "
                    + "records and unknown types or versions go to " + Topics.deadLetter(topic) + ").");
            ArrayNode received = receive.putArray("messages");
            ids.forEach(id -> received.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + id));
        }

        String dlqId = channelId + "DeadLetter";
        ObjectNode dlq = channels.putObject(dlqId);
        dlq.put("address", Topics.deadLetter(topic));
        dlq.put("title", Topics.deadLetter(topic));
        dlq.put("description", "Records of " + topic + " a consumer can never process, as received (key, headers, value), with "
                + "dead-letter-reason and dead-letter-cause headers added. For operators (docs/operations.md).");
        dlq.putObject("messages").putObject("deadLetter").put("$ref", "#/components/messages/deadLetter");
        messages.set("deadLetter", deadLetterMessage());
        ObjectNode park = operations.putObject("deadLetter" + capitalize(channelId));
        park.put("action", "send");
        park.putObject("channel").put("$ref", "#/channels/" + dlqId);
        park.put("summary", "A consumer of " + topic + " sets aside a record it can never process.");
        park.putArray("messages").addObject().put("$ref", "#/channels/" + dlqId + "/messages/deadLetter");
    }

    private ObjectNode message(EventCatalog.Entry entry) {
        ObjectNode message = JSON.createObjectNode();
        message.put("name", entry.type());
        message.put("title", entry.type());
        message.put("summary", entry.when());
        message.put("contentType", "application/json");
        ObjectNode headers = message.putObject("headers");
        ArrayNode allOf = headers.putArray("allOf");
        allOf.addObject().put("$ref", "#/components/schemas/CloudEventHeaders");
        ObjectNode typed = allOf.addObject();
        typed.put("type", "object");
        typed.putObject("properties").putObject("ce_type").put("const", entry.type());
        message.putObject("payload").put("$ref", "#/components/schemas/" + schemaOf(entry.payload()));
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        ObjectNode key = kafka.putObject("key");
        key.put("type", "string");
        key.put("format", "uuid");
        key.put("description", "The record key and ce_subject: " + entry.key() + ".");
        kafka.put("bindingVersion", KAFKA_BINDING);
        return message;
    }

    private static ObjectNode deadLetterMessage() {
        ObjectNode message = JSON.createObjectNode();
        message.put("name", "dead-letter");
        message.put("title", "A record set aside");
        message.put("summary", "The original record, unchanged, with why it could not be processed.");
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject("dead-letter-reason").put("type", "string");
        properties.putObject("dead-letter-cause").put("type", "string");
        message.putObject("payload").put("description", "The original value, whatever it was.");
        return message;
    }

    private ObjectNode schemaSection() {
        ObjectNode section = JSON.createObjectNode();
        section.set("CloudEventHeaders", cloudEventHeaders());
        schemas.forEach(section::set);
        return section;
    }

    private static ObjectNode cloudEventHeaders() {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "object");
        schema.put("description", "CloudEvents 1.0 attributes as Kafka record headers (binary mode).");
        schema.putArray("required").add("ce_specversion").add("ce_id").add("ce_source").add("ce_type").add("ce_subject").add("ce_time");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("ce_specversion").put("type", "string").put("const", "1.0");
        properties.putObject("ce_id").put("type", "string").put("format", "uuid")
                .put("description", "Unique event id; consumers deduplicate on it.");
        properties.putObject("ce_source").put("type", "string").put("pattern", "^/iop/[a-z-]+$")
                .put("description", "/iop/<service>");
        properties.putObject("ce_type").put("type", "string").put("description", "Versioned type, e.g. care.iop.patient.registered.v1.");
        properties.putObject("ce_subject").put("type", "string").put("format", "uuid")
                .put("description", "The aggregate id, the same as the record key.");
        properties.putObject("ce_time").put("type", "string").put("format", "date-time")
                .put("description", "When the state change committed, ISO-8601 UTC.");
        properties.putObject("ce_requestid").put("type", "string")
                .put("description", "The X-Request-Id of the request that caused it.");
        properties.putObject("content-type").put("type", "string").put("const", "application/json");
        return schema;
    }

    /** The schema name of a record, derived once (nested records become schemas of their own). */
    private String schemaOf(Class<?> record) {
        String name = record.getSimpleName();
        if (!schemas.containsKey(name)) {
            ObjectNode schema = JSON.createObjectNode();
            schemas.put(name, schema);
            schema.put("type", "object");
            schema.put("description", "Payload record " + record.getName().replace('$', '.') + ".");
            ArrayNode required = JSON.createArrayNode();
            ObjectNode properties = JSON.createObjectNode();
            for (RecordComponent component : record.getRecordComponents()) {
                properties.set(component.getName(), typeOf(component.getGenericType()));
                if (component.getType().isPrimitive()) {
                    required.add(component.getName());
                }
            }
            if (!required.isEmpty()) {
                schema.set("required", required);
            }
            schema.set("properties", properties);
        }
        return name;
    }

    private ObjectNode typeOf(Type type) {
        ObjectNode schema = JSON.createObjectNode();
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            nullable(schema, "array");
            schema.set("items", typeOf(list.getActualTypeArguments()[0]));
            return schema;
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            ArrayNode oneOf = schema.putArray("oneOf");
            oneOf.addObject().put("$ref", "#/components/schemas/" + schemaOf(raw));
            oneOf.addObject().put("type", "null");
            return schema;
        }
        if (raw == int.class || raw == long.class) {
            return schema.put("type", "integer");
        }
        if (raw == double.class) {
            return schema.put("type", "number");
        }
        if (raw == boolean.class) {
            return schema.put("type", "boolean");
        }
        if (raw == Integer.class || raw == Long.class) {
            return nullable(schema, "integer");
        }
        if (raw == Double.class) {
            return nullable(schema, "number");
        }
        if (raw == Boolean.class) {
            return nullable(schema, "boolean");
        }
        nullable(schema, "string");
        if (raw == UUID.class) {
            schema.put("format", "uuid");
        } else if (raw == LocalDate.class) {
            schema.put("format", "date");
        } else if (raw == OffsetDateTime.class) {
            schema.put("format", "date-time");
        } else if (raw != String.class) {
            throw new IllegalStateException("No JSON Schema mapping for " + raw + ": extend AsyncApiGenerator.typeOf");
        }
        return schema;
    }

    private static ObjectNode nullable(ObjectNode schema, String type) {
        schema.putArray("type").add(type).add("null");
        return schema;
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String camel(String service) {
        String[] parts = service.split("-");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(capitalize(parts[i]));
        }
        return out.toString();
    }
}
