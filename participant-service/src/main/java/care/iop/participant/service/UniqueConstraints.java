package care.iop.participant.service;

import java.sql.SQLException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.exception.ConstraintViolationException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import care.iop.platform.problem.ProblemException;

/**
 * Turns a unique constraint broken at flush time into a 409 instead of a 500. The constraint is the
 * only check, so two concurrent requests cannot both pass it, and the path that succeeds pays for no lookup.
 */
final class UniqueConstraints {
    private static final Pattern KEY = Pattern.compile("Key \\((.+)\\)=\\((.+)\\) already exists\\.?");

    private UniqueConstraints() {
    }

    /**
     * @param conflictDetail the problem's detail, given the conflicting values as PostgreSQL reports them
     *                       (e.g. {@code urn:example:mrn, MRN-0001}; {@code ?} when it does not say)
     */
    static void flush(Runnable flush, Function<String, String> conflictDetail) {
        flushOr(flush, values -> ProblemException.conflict(conflictDetail.apply(values)));
    }

    /**
     * As {@link #flush}, with the whole problem made by the caller (the transaction has failed: any lookup it needs
     * runs in a transaction of its own).
     */
    static void flushOr(Runnable flush, Function<String, ProblemException> conflict) {
        try {
            flush.run();
        } catch (ConstraintViolationException e) {
            throw conflict.apply(conflictingValues(e.getSQLException()));
        }
    }

    private static String conflictingValues(SQLException e) {
        ServerErrorMessage message = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        Matcher key = message == null || message.getDetail() == null ? null : KEY.matcher(message.getDetail());
        return key != null && key.matches() ? key.group(2) : "?";
    }
}
