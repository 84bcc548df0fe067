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
 * only check, so two concurrent requests cannot both pass it.
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
        try {
            flush.run();
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict(conflictDetail.apply(conflictingValues(e.getSQLException())));
        }
    }

    private static String conflictingValues(SQLException e) {
        ServerErrorMessage message = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        Matcher key = message == null || message.getDetail() == null ? null : KEY.matcher(message.getDetail());
        return key != null && key.matches() ? key.group(2) : "?";
    }
}
