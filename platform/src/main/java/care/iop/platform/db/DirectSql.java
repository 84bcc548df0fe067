package care.iop.platform.db;

import java.sql.PreparedStatement;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Plain SQL writes to the platform's own tables (outbox, audit trail, inbox), which no entity maps, on
 * the current transaction's connection. Unlike a Hibernate native query it neither flushes the
 * persistence context first (a full dirty check of every loaded entity) nor parses the SQL; it still
 * commits or rolls back with the caller's transaction, and SQL errors arrive as Hibernate exceptions.
 */
public final class DirectSql {
    private DirectSql() {
    }

    /** Runs {@code sql} with {@code params} bound in order ({@code ?} placeholders); returns the rows changed. */
    public static int update(EntityManager em, String sql, Object... params) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    statement.setObject(i + 1, params[i]);
                }
                return statement.executeUpdate();
            }
        });
    }
}
