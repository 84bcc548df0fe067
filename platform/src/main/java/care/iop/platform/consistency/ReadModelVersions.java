package care.iop.platform.consistency;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The versions this service's read models have applied, read from the tables {@code iop.read-your-writes.read-models}
 * names (id column {@code <kind>_id}, version column {@code version}). Reads on a connection of its own, outside any
 * transaction, so it sees every committed change at once.
 */
@ApplicationScoped
public class ReadModelVersions {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    @Inject
    ReadYourWritesConfig config;

    @Inject
    DataSource dataSource;

    private Map<String, String> queries = Map.of();

    @PostConstruct
    void init() {
        Map<String, String> byKind = new HashMap<>();
        config.readModels().forEach((kind, table) -> {
            String id = kind.replace('-', '_') + "_id";
            if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(id).matches()) {
                throw new IllegalArgumentException("iop.read-your-writes.read-models." + kind + ": '" + table + "' is not a table name");
            }
            byKind.put(kind, "select " + id + ", version from " + table + " where " + id + " = any(?)");
        });
        queries = Map.copyOf(byKind);
    }

    /** True when this service keeps read models of other services' aggregates. */
    public boolean any() {
        return !queries.isEmpty();
    }

    /** True when this service keeps a read model of this kind of aggregate. */
    public boolean holds(String kind) {
        return queries.containsKey(kind);
    }

    /** The versions of kinds this service keeps; the others are none of its business. */
    public List<AggregateVersion> held(Collection<AggregateVersion> versions) {
        return versions.stream().filter(v -> holds(v.kind())).toList();
    }

    /**
     * The wanted versions the read models do not hold yet: the aggregate is unknown, or known at an older version.
     * Kinds this service does not keep are never behind.
     */
    public Set<AggregateVersion> behind(Collection<AggregateVersion> wanted) {
        Map<String, List<AggregateVersion>> byKind = held(wanted).stream().collect(Collectors.groupingBy(AggregateVersion::kind));
        if (byKind.isEmpty()) {
            return Set.of();
        }
        Set<AggregateVersion> behind = new LinkedHashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            for (Map.Entry<String, List<AggregateVersion>> kind : byKind.entrySet()) {
                Map<UUID, Long> applied = applied(connection, queries.get(kind.getKey()), kind.getValue());
                kind.getValue().stream().filter(v -> applied.getOrDefault(v.id(), -1L) < v.version()).forEach(behind::add);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the versions of the read models", e);
        }
        return behind;
    }

    private static Map<UUID, Long> applied(Connection connection, String query, List<AggregateVersion> wanted) throws SQLException {
        Map<UUID, Long> applied = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            Array ids = connection.createArrayOf("uuid", wanted.stream().map(AggregateVersion::id).distinct().toArray());
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    applied.put(rows.getObject(1, UUID.class), rows.getLong(2));
                }
            }
        }
        return applied;
    }
}
