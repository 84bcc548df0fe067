package care.iop.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import care.iop.devstack.DatabaseRoles;
import care.iop.devstack.EmbeddedPostgresServer;
import care.iop.devstack.LocalKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource that gives a module's tests a real PostgreSQL and a real single-node KRaft
 * Kafka broker, started once per test JVM, plus the public key the services verify tokens with.
 * <p>
 * {@code IOP_TEST_JDBC_URL} (a server URL such as {@code jdbc:postgresql://host:5432}, with
 * {@code IOP_TEST_DB_USER}/{@code IOP_TEST_DB_PASSWORD}) and {@code IOP_TEST_KAFKA_BOOTSTRAP}
 * switch to external servers. Init arg {@code database} names the module's database. The application
 * connects as the application role and migrates as the owner role ({@link #ROLES}); tests that need the
 * owner's rights use {@link #ownerConnection()}.
 * <p>
 * A test field {@code Consumer<Boolean> kafkaRunning} receives a switch that stops
 * ({@code accept(false)}) and restarts ({@code accept(true)}) the embedded broker.
 * <p>
 * The embedded broker shares the test JVM, so it may not end it: Kafka's {@code Exit.exit}/{@code Exit.halt}
 * (called on a fatal broker error, for instance when all log directories fail) would halt the JVM with
 * status 1 and fail a build whose tests all passed. Here they print why and throw in the broker thread
 * instead. And the test kit's own shutdown hooks, which delete the broker's directories, run only after the
 * broker has stopped: as JVM hooks they would run at the same time as the stop and pull the log directories
 * from under a running broker, the very failure that makes it halt.
 */
public class IopTestInfrastructure implements QuarkusTestResourceLifecycleManager {
    public static final Path KEYS_DIR = Path.of("target", "test-keys");
    public static final String KAFKA_SWITCH_FIELD = "kafkaRunning";

    /**
     * The services connect as {@code iop_app}, Flyway as {@code iop_owner} (created on the test server,
     * which must let {@code IOP_TEST_DB_USER} create roles when external).
     */
    public static final DatabaseRoles ROLES = new DatabaseRoles(DatabaseRoles.OWNER, "iop-owner-test", DatabaseRoles.APP, "iop-app-test");

    private static final List<Runnable> AFTER_KAFKA_STOPPED = new CopyOnWriteArrayList<>();

    private static EmbeddedPostgresServer postgres;
    private static KafkaClusterTestKit kafka;

    private String database = "iop_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public synchronized Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.devservices.enabled", "false");
        config.put("mp.jwt.verify.publickey.location", LocalKeys.ensure(KEYS_DIR).publicKeyFile().toUri().toString());
        config.putAll(database());
        config.put("kafka.bootstrap.servers", kafkaBootstrap());
        return config;
    }

    private Map<String, String> database() {
        String external = System.getenv("IOP_TEST_JDBC_URL");
        String user = System.getenv().getOrDefault("IOP_TEST_DB_USER", EmbeddedPostgresServer.USER);
        String password = System.getenv().getOrDefault("IOP_TEST_DB_PASSWORD", "");
        String server;
        if (external != null) {
            createDatabase(external, user, password);
            server = external;
        } else {
            if (postgres == null) {
                postgres = EmbeddedPostgresServer.start(null, 0);
            }
            postgres.createDatabases(List.of(database));
            server = postgres.serverUrl();
        }
        ROLES.apply(server, user, password, List.of(database));
        Map<String, String> config = new HashMap<>(ROLES.serviceProperties());
        config.put("quarkus.datasource.jdbc.url", server + "/" + database);
        return config;
    }

    /**
     * A connection to the module's database as the owner role, for the few tests that must do what the
     * service may not (tamper with the audit trail, add a constraint); the service's own datasource
     * connects as the application role. Reads the settings this resource gave the application.
     */
    public static Connection ownerConnection() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class), config.getValue("quarkus.flyway.password", String.class));
    }

    private void createDatabase(String serverUrl, String user, String password) {
        try (Connection connection = DriverManager.getConnection(serverUrl + "/postgres", user, password);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
            if (!rs.next()) {
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare database " + database + " on " + serverUrl, e);
        }
    }

    private static String kafkaBootstrap() {
        String external = System.getenv("IOP_TEST_KAFKA_BOOTSTRAP");
        if (external != null) {
            return external;
        }
        if (kafka == null) {
            Exit.setExitProcedure(IopTestInfrastructure::refuseToEndTheJvm);
            Exit.setHaltProcedure(IopTestInfrastructure::refuseToEndTheJvm);
            Exit.setShutdownHookAdder((name, hook) -> AFTER_KAFKA_STOPPED.add(hook));
            try {
                kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                        .setConfigProp("auto.create.topics.enable", "true")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "3")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .build();
                kafka.format();
                kafka.startup();
                kafka.waitForReadyBrokers();
            } catch (Exception e) {
                throw new IllegalStateException("Kafka test broker did not start", e);
            }
        }
        return kafka.bootstrapServers();
    }

    private static void refuseToEndTheJvm(int status, String message) {
        String text = "The embedded Kafka broker asked to end the test JVM (status " + status + "): " + message;
        System.err.println(text);
        throw new IllegalStateException(text);
    }

    @Override
    public void inject(TestInjector testInjector) {
        Consumer<Boolean> kafkaSwitch = running -> {
            if (kafka == null) {
                throw new IllegalStateException("The broker is external (IOP_TEST_KAFKA_BOOTSTRAP); it cannot be switched");
            }
            var broker = kafka.brokers().values().iterator().next();
            if (running) {
                broker.startup();
                try {
                    kafka.waitForReadyBrokers();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            } else {
                broker.shutdown();
                broker.awaitShutdown();
            }
        };
        testInjector.injectIntoFields(kafkaSwitch, field -> field.getName().equals(KAFKA_SWITCH_FIELD));
    }

    @Override
    public void stop() {
        // The servers live for the whole test JVM (one start per module); a JVM shutdown hook stops them.
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (kafka != null) {
                    kafka.close();
                }
            } catch (Exception e) {
                System.err.println("The embedded Kafka broker did not stop cleanly: " + e);
            }
            for (Runnable hook : AFTER_KAFKA_STOPPED) {
                try {
                    hook.run();
                } catch (RuntimeException e) {
                    System.err.println("Cleaning up after the embedded Kafka broker failed: " + e);
                }
            }
            try {
                if (postgres != null) {
                    postgres.close();
                }
            } catch (RuntimeException e) {
                System.err.println("The embedded PostgreSQL did not stop cleanly: " + e);
            }
        }, "iop-test-infrastructure-stop"));
    }
}
