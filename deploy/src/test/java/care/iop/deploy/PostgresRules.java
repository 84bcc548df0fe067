package care.iop.deploy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * PostgreSQL through CloudNativePG: one cluster, one database per service, and per service two roles: the
 * database's owner, which only Flyway logs in as, and an app role the service works as (it owns nothing; the
 * migrations grant it what it may do). Every service connects over TLS with {@code sslmode=verify-full} against
 * the cluster's CA, mounted from its Secret, and the server refuses connections without TLS.
 */
final class PostgresRules extends RuleSet {
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/?]+):(\\d+)/(\\w+)(?:\\?(.*))?");
    private static final Pattern REJECT_PLAIN = Pattern.compile("hostnossl\\s+all\\s+all\\s+\\S+\\s+reject");

    private String name;
    private final Map<String, String> roleSecrets = new HashMap<>();
    private final Map<String, String> databaseOwners = new HashMap<>();

    PostgresRules(List<? extends JsonNode> resources, Expectations expected) {
        super(resources, expected);
    }

    @Override
    void run() {
        List<JsonNode> clusters = all("Cluster");
        if (clusters.size() != 1) {
            problems.add("Cluster: expected one CloudNativePG cluster, found " + clusters.size());
            return;
        }
        JsonNode cluster = clusters.get(0);
        name = KustomizeRenderer.name(cluster);
        checkCluster(cluster);
        checkDatabases(cluster);
        Map<String, String> appRoles = new TreeMap<>();
        for (String service : new TreeSet<>(ManifestRules.SERVICES)) {
            JsonNode configMap = find("ConfigMap", service);
            JsonNode deployment = find("Deployment", service);
            if (configMap != null && deployment != null) {
                checkService(configMap, deployment, appRoles);
            }
        }
    }

    private void checkCluster(JsonNode cluster) {
        JsonNode spec = cluster.path("spec");
        expectInt(cluster, spec.path("instances"), expected.postgresInstances(), "instances");
        if (!spec.path("storage").has("size")) {
            problem(cluster, "storage.size is required");
        }
        if (!spec.path("imageName").asText().matches(".*:15(\\.\\d+)?(-.*)?")) {
            problem(cluster, "imageName must be a PostgreSQL 15 image");
        }
        if (spec.path("enableSuperuserAccess").asBoolean(false)) {
            problem(cluster, "enableSuperuserAccess must be false: no service needs the superuser");
        }
        boolean rejectsPlain = false;
        for (JsonNode rule : spec.path("postgresql").path("pg_hba")) {
            rejectsPlain |= REJECT_PLAIN.matcher(rule.asText().trim()).matches();
        }
        if (!rejectsPlain) {
            problem(cluster, "postgresql.pg_hba must refuse connections without TLS (hostnossl all all all reject)");
        }
        for (JsonNode backup : all("ScheduledBackup")) {
            if (!name.equals(backup.path("spec").path("cluster").path("name").asText())) {
                problem(backup, "refers to a cluster that does not exist");
            }
            if (!spec.has("backup")) {
                problem(backup, "the cluster has no backup configuration");
            }
        }
    }

    private void checkDatabases(JsonNode cluster) {
        JsonNode spec = cluster.path("spec");
        JsonNode initdb = spec.path("bootstrap").path("initdb");
        if (initdb.has("database")) {
            databaseOwners.put(initdb.path("database").asText(), initdb.path("owner").asText());
            roleSecrets.put(initdb.path("owner").asText(), initdb.path("secret").path("name").asText());
        }
        for (JsonNode role : spec.path("managed").path("roles")) {
            roleSecrets.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText());
            if (!role.path("login").asBoolean(false)) {
                problem(cluster, "managed role " + role.path("name").asText() + " cannot log in");
            }
            for (String power : List.of("superuser", "createdb", "createrole", "replication", "bypassrls")) {
                if (role.path(power).asBoolean(false)) {
                    problem(cluster, "managed role " + role.path("name").asText() + " must not have " + power);
                }
            }
        }
        for (JsonNode database : all("Database")) {
            if (!name.equals(database.path("spec").path("cluster").path("name").asText())) {
                problem(database, "refers to a cluster that does not exist");
            }
            String owner = database.path("spec").path("owner").asText();
            if (!roleSecrets.containsKey(owner)) {
                problem(database, "owner " + owner + " is neither the initdb owner nor a managed role");
            }
            databaseOwners.put(database.path("spec").path("name").asText(), owner);
        }
        if (!databaseOwners.keySet().equals(ManifestRules.DATABASES)) {
            problem(cluster, "databases are " + new TreeSet<>(databaseOwners.keySet()) + ", expected one per service "
                    + new TreeSet<>(ManifestRules.DATABASES));
        }
    }

    private void checkService(JsonNode configMap, JsonNode deployment, Map<String, String> appRoles) {
        String service = KustomizeRenderer.name(deployment);
        ContainerEnvironment env = ContainerEnvironment.of(container(deployment), n -> find("ConfigMap", n));
        Matcher jdbc = JDBC.matcher(env.literal("QUARKUS_DATASOURCE_JDBC_URL"));
        if (!jdbc.matches() || !jdbc.group(1).equals(name + "-rw") || !jdbc.group(2).equals("5432")) {
            problem(configMap, "QUARKUS_DATASOURCE_JDBC_URL must point at " + name + "-rw:5432");
            return;
        }
        String database = jdbc.group(3);
        checkTls(configMap, deployment, jdbc.group(4));
        String owner = databaseOwners.get(database);
        if (owner == null) {
            problem(configMap, "database " + database + " does not exist");
            return;
        }
        String ownerSecret = roleSecrets.get(owner);
        for (String variable : List.of("QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD")) {
            if (!Objects.equals(env.secretOf(variable), ownerSecret)) {
                problem(deployment, variable + " must come from Secret " + ownerSecret + " (the owner of " + database
                        + "; Flyway migrates as the owner)");
            }
        }
        String appSecret = env.secretOf("QUARKUS_DATASOURCE_USERNAME");
        if (!env.fromSecret("QUARKUS_DATASOURCE_USERNAME", String.valueOf(appSecret), "username")
                || !env.fromSecret("QUARKUS_DATASOURCE_PASSWORD", String.valueOf(appSecret), "password")) {
            problem(deployment, "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD must come from the keys username "
                    + "and password of one Secret");
            return;
        }
        String appRole = roleSecrets.entrySet().stream().filter(e -> e.getValue().equals(appSecret)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (appRole == null) {
            problem(deployment, "QUARKUS_DATASOURCE_USERNAME comes from Secret " + appSecret + ", which is no role's password Secret");
            return;
        }
        if (databaseOwners.containsValue(appRole)) {
            problem(deployment, "the service works as " + appRole + ", the owner of a database: it must work as an app role "
                    + "that owns nothing, and leave the owner to Flyway");
        }
        String previous = appRoles.put(appRole, service);
        if (previous != null) {
            problem(deployment, "app role " + appRole + " is also " + previous + "'s: each service has its own");
        }
        for (String variable : List.of("QUARKUS_FLYWAY_PLACEHOLDERS_APP_ROLE", "IOP_DB_APP_ROLE")) {
            if (!appRole.equals(env.literal(variable))) {
                problem(deployment, variable + " must name the role the service works as, " + appRole
                        + " (the migrations grant it the service's privileges)");
            }
        }
    }

    /** sslmode=verify-full, and sslrootcert is the cluster CA's certificate, mounted from its Secret. */
    private void checkTls(JsonNode configMap, JsonNode deployment, String query) {
        Map<String, String> parameters = new HashMap<>();
        for (String parameter : query == null ? new String[0] : query.split("&")) {
            String[] pair = parameter.split("=", 2);
            parameters.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        if (!"verify-full".equals(parameters.get("sslmode"))) {
            problem(configMap, "QUARKUS_DATASOURCE_JDBC_URL must set sslmode=verify-full (TLS, CA and host name checked)");
        }
        JsonNode certificates = find("Cluster", name).path("spec").path("certificates");
        String caSecret = certificates.path("serverCASecret").asText(name + "-ca");
        String mounted = Mounts.secretFile(deployment, caSecret, "ca.crt");
        if (mounted == null || !mounted.equals(parameters.get("sslrootcert"))) {
            problem(configMap, "QUARKUS_DATASOURCE_JDBC_URL must set sslrootcert to ca.crt of Secret " + caSecret
                    + " as mounted in the pod" + (mounted == null ? " (it is not mounted)" : " (" + mounted + ")"));
        }
        Set<String> keys = mountedKeys(deployment, caSecret);
        if (!keys.isEmpty() && !keys.equals(Set.of("ca.crt"))) {
            problem(deployment, "mount only ca.crt of Secret " + caSecret + ": it also holds the CA's private key");
        }
    }

    private static Set<String> mountedKeys(JsonNode deployment, String secret) {
        Set<String> keys = new TreeSet<>();
        for (JsonNode volume : deployment.path("spec").path("template").path("spec").path("volumes")) {
            if (secret.equals(volume.path("secret").path("secretName").asText())) {
                if (!volume.path("secret").has("items")) {
                    keys.add("*");
                }
                volume.path("secret").path("items").forEach(item -> keys.add(item.path("key").asText()));
            }
        }
        return keys;
    }
}
