package care.iop.platform.problem;

import care.iop.problems.ProblemType;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}). */
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
        @Schema(example = "https://iop.care/problems/validation-error") URI type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "birthDate: must be a date in the past or today") String detail,
        @Schema(example = "/api/v1/patients") String instance,
        @Schema(description = "Invalid fields, for validation errors") List<FieldError> errors,
        @Schema(description = "The X-Request-Id of the failed request") String requestId,
        @Schema(description = "For a 409 caused by another resource: the path of that resource (e.g. the session a new session or booking overlaps)",
                example = "/api/v1/sessions/0b7f9d52-3c1e-4a8b-9f2d-5e6a7b8c9d0e") String conflictsWith) {

    public static final String MEDIA_TYPE = care.iop.problems.ProblemType.MEDIA_TYPE;
    public static final String TYPE_BASE = care.iop.problems.ProblemType.TYPE_BASE;
}
