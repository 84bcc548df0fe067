package care.iop.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Plain SQL writes to the platform's own tables (outbox, audit trail, inbox), which no entity maps.
 * {@link #update} runs on the current transaction's connection: unlike a Hibernate native query it
 * neither flushes the persistence context first (a full dirty check of every loaded entity) nor parses
 * the SQL; it still commits or rolls back with the caller's transaction, and SQL errors arrive as
 * Hibernate exceptions. {@link #inOwnTransaction} is for the background workers (outbox relay, audit
 * writer) that commit on a connection of their own.
 */
public final class DirectSql {
    private DirectSql() {
    }

    /** Work on a JDBC connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws Exception;
    }

    /** Runs {@code sql} with {@code params} bound in order ({@code ?} placeholders); returns the rows changed. */
    public static int update(EntityManager em, String sql, Object... params) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, params);
                return statement.executeUpdate();
            }
        });
    }

    /** Binds {@code params} to the statement's {@code ?} placeholders, in order. */
    public static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }

    /** Runs {@code work} on a connection of its own in one transaction: committed when it returns, rolled back when it throws. */
    public static <T> T inOwnTransaction(DataSource dataSource, Work<T> work) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
