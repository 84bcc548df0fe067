package care.iop.platform.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.platform.db.DirectSql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The {@code idempotency_key} table (V5__idempotency.sql). A claim is one statement on a connection of its own
 * (committed at once); the answer is recorded on the connection of the transaction that commits the change.
 */
@ApplicationScoped
public class IdempotencyStore {
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    private static final TypeReference<List<StoredAnswer.Change>> CHANGES = new TypeReference<>() {
    };

    private static final String CLAIM = """
            insert into idempotency_key as k (subject, client, idem_key, fingerprint, claim_id, state, lease_until, expires_at, created_at)
            values (?, ?, ?, ?, ?, 'RUNNING', now() + ? * interval '1 millisecond', now() + ? * interval '1 millisecond', now())
            on conflict (subject, client, idem_key) do update
               set fingerprint = excluded.fingerprint, claim_id = excluded.claim_id, state = 'RUNNING',
                   lease_until = excluded.lease_until, expires_at = excluded.expires_at, created_at = excluded.created_at,
                   status = null, headers = null, media_type = null, body = null, changes = null, disclosed = false
             where k.expires_at <= now()
                or (k.state = 'RUNNING' and k.lease_until <= now() and k.fingerprint = excluded.fingerprint)
            returning k.claim_id""";
    private static final String FIND = """
            select state, fingerprint, ceil(extract(epoch from lease_until - now())), status, headers, media_type, body, changes, disclosed
              from idempotency_key where subject = ? and client = ? and idem_key = ?""";
    private static final String COMPLETE = """
            update idempotency_key set state = 'COMPLETED', status = ?, headers = ?, media_type = ?, body = ?, changes = ?, disclosed = ?
             where subject = ? and client = ? and idem_key = ? and claim_id = ? and state = 'RUNNING'""";
    private static final String RELEASE = """
            delete from idempotency_key where subject = ? and client = ? and idem_key = ? and claim_id = ? and state = 'RUNNING'""";
    private static final String PURGE = """
            delete from idempotency_key where ctid = any(array(select ctid from idempotency_key where expires_at < now() limit ?))""";

    /** What a claim found. */
    sealed interface Outcome permits Claimed, Replay, InUse, Reused {
    }

    /** The key is this request's now: run it. */
    record Claimed(IdempotencyClaim claim) implements Outcome {
    }

    /** The same request was answered before: send that answer again. */
    record Replay(StoredAnswer answer) implements Outcome {
    }

    /** The same request is running (its lease ends in {@code retryAfterSeconds}). */
    record InUse(long retryAfterSeconds) implements Outcome {
    }

    /** The key was used for another request. */
    record Reused() implements Outcome {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    ObjectMapper json;

    @Inject
    IdempotencyConfig config;

    /** Claims {@code key} of the caller for a request with this fingerprint, or says why not. Needs no transaction on the thread. */
    Outcome claim(String subject, String client, String key, byte[] fingerprint) throws SQLException {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("An @Idempotent method must not be called inside a transaction: its key is claimed in one of its own");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            // A row purged between the two statements is claimed on the next round.
            for (int round = 0; round < 3; round++) {
                UUID claimId = UUID.randomUUID();
                if (insertOrTakeOver(connection, subject, client, key, fingerprint, claimId)) {
                    return new Claimed(new IdempotencyClaim(this, subject, client, key, claimId));
                }
                Outcome existing = existing(connection, subject, client, key, fingerprint);
                if (existing != null) {
                    return existing;
                }
            }
            return new InUse(1);
        }
    }

    private boolean insertOrTakeOver(Connection connection, String subject, String client, String key, byte[] fingerprint, UUID claimId)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
            DirectSql.bind(statement, subject, client, key, fingerprint, claimId, config.lease().toMillis(), config.retention().toMillis());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private Outcome existing(Connection connection, String subject, String client, String key, byte[] fingerprint) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIND)) {
            DirectSql.bind(statement, subject, client, key);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                if (!Arrays.equals(rs.getBytes(2), fingerprint)) {
                    return new Reused();
                }
                if ("RUNNING".equals(rs.getString(1))) {
                    return new InUse(Math.max(1, rs.getLong(3)));
                }
                Map<String, String> headers = read(rs.getString(5), HEADERS);
                List<StoredAnswer.Change> changes = read(rs.getString(8), CHANGES);
                return new Replay(new StoredAnswer(rs.getInt(4), headers == null ? Map.of() : headers, rs.getString(6), rs.getString(7),
                        changes == null ? List.of() : changes, rs.getBoolean(9)));
            }
        }
    }

    /** Records the answer on the current transaction's connection; fails when the claim was taken over. */
    void complete(IdempotencyClaim claim, IdempotentAnswer answer, List<StoredAnswer.Change> changes, boolean disclosed) {
        String body;
        String mediaType = answer.mediaType() == null ? null : answer.mediaType().toString();
        if (answer.entity() == null) {
            body = null;
        } else if (answer.entity() instanceof String text) {
            body = text;
        } else {
            body = write(answer.entity());
            mediaType = mediaType == null ? jakarta.ws.rs.core.MediaType.APPLICATION_JSON : mediaType;
        }
        int updated = DirectSql.update(em, COMPLETE, answer.status(), write(answer.headers()), mediaType, body, write(changes), disclosed,
                claim.subject, claim.client, claim.key, claim.claimId);
        if (updated == 0) {
            throw new IdempotencyKeyInUse("The request with Idempotency-Key " + claim.key + " ran longer than its lease ("
                    + config.lease().toSeconds() + " s) and a repeat took the key over: this one was rolled back", config.lease().toSeconds());
        }
    }

    /** Records the answer in a transaction of its own: only for an answer its committer did not record (a bug, logged). */
    void completeAlone(IdempotencyClaim claim, IdempotentAnswer answer) {
        QuarkusTransaction.requiringNew().run(() -> claim.record(answer));
    }

    /** Gives the key up (nothing was committed, or nothing worth replaying): a repeat runs again. */
    void release(IdempotencyClaim claim) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(RELEASE)) {
            DirectSql.bind(statement, claim.subject, claim.client, claim.key, claim.claimId);
            statement.executeUpdate();
        }
    }

    /** Deletes up to {@code batch} expired keys; how many. */
    int purge(int batch) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(PURGE)) {
            statement.setInt(1, batch);
            return statement.executeUpdate();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The answer cannot be stored as JSON", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) throws SQLException {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable stored answer", e);
        }
    }
}
