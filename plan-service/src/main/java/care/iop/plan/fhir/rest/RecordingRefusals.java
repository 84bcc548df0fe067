package care.iop.plan.fhir.rest;

import java.util.function.Supplier;

import care.iop.plan.fhir.mapping.QuestionnaireResponseReader.Recording;
import care.iop.platform.consistency.ReadModelBehindException;
import care.iop.platform.problem.FieldError;
import care.iop.platform.problem.ProblemException;

/**
 * The assessment service's refusals of a QuestionnaireResponse, pointing into it: the fields it names ({@code answers[3]},
 * {@code takenAt}) become the FHIRPath of the element they came from ({@link Recording#expression}), with the same
 * status and message. A read model that is behind keeps its own answer (503 with Retry-After).
 */
final class RecordingRefusals {
    private RecordingRefusals() {
    }

    static <T> T pointingInto(Recording recording, Supplier<T> record) {
        try {
            return record.get();
        } catch (ReadModelBehindException e) {
            throw e;
        } catch (ProblemException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            var errors = e.errors().stream().map(f -> new FieldError(recording.expression(f.field()), f.message(), f.offset(), f.length()))
                    .toList();
            throw new ProblemException(e.type(), errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
    }
}
