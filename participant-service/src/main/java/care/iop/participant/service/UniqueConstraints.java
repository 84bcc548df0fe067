package care.iop.participant.service;

import java.util.function.Supplier;

import org.hibernate.exception.ConstraintViolationException;

import care.iop.platform.problem.ProblemException;

/** Turns a unique-constraint race lost at flush time into a 409 instead of a 500. */
final class UniqueConstraints {
    private UniqueConstraints() {
    }

    static void flush(Runnable flush, Supplier<String> conflictDetail) {
        try {
            flush.run();
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict(conflictDetail.get());
        }
    }
}
