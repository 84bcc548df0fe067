package care.iop.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import care.iop.events.Topics;

/**
 * What a service does with Kafka, read from its code rather than restated: the topics it publishes through its
 * outbox ({@code outbox.publish(Topics.X, ...)} in its sources), and for each incoming channel of its
 * {@code application.properties} the topic it reads, its consumer group (the channel's {@code group.id}, else
 * {@code kafka.group.id}, else the application name, as Quarkus does) and its dead-letter topic.
 */
record ServiceMessaging(String service, Set<String> writes, Set<String> reads, Set<String> groups) {
    private static final Pattern PUBLISH = Pattern.compile("\\bpublish\\(\\s*Topics\\.([A-Z_]+)\\s*,");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");

    static ServiceMessaging of(String service) {
        Path module = Repository.resolve(service);
        Properties properties = properties(module.resolve("src/main/resources/application.properties"));
        Set<String> writes = new TreeSet<>(published(module.resolve("src/main/java")));
        Set<String> reads = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher incoming = INCOMING.matcher(key);
            if (!incoming.matches()) {
                continue;
            }
            String channel = "mp.messaging.incoming." + incoming.group(1) + ".";
            String topic = properties.getProperty(key);
            reads.add(topic);
            writes.add(properties.getProperty(channel + "dead-letter-queue.topic", Topics.deadLetter(topic)));
            groups.add(properties.getProperty(channel + "group.id",
                    properties.getProperty("kafka.group.id", properties.getProperty("quarkus.application.name", service))));
        }
        return new ServiceMessaging(service, writes, reads, groups);
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Profile-specific keys (%test., %dev.) do not apply in the cluster.
        properties.stringPropertyNames().stream().filter(key -> key.startsWith("%")).forEach(properties::remove);
        return properties;
    }

    private static Set<String> published(Path sources) {
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher publish = PUBLISH.matcher(Files.readString(file));
                while (publish.find()) {
                    topics.add(topic(publish.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    private static String topic(String constant) {
        try {
            return (String) Topics.class.getField(constant).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Topics." + constant + " is not a topic", e);
        }
    }
}
