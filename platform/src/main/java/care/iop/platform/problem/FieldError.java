package care.iop.platform.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One invalid field of a request: its JSON path ({@code identifiers[0].system}) or parameter name, and why; for a refusal
 * about a part of a text (a note naming another group member), where that part is: {@code offset} and {@code length} in
 * UTF-16 code units of the field's value (as JavaScript counts), never the part itself.
 */
public record FieldError(String field, String message,
                         @Schema(description = "Where the offending part of the field's text starts (UTF-16 code units, from 0); "
                                 + "only for refusals about a part of a text", example = "12") Integer offset,
                         @Schema(description = "The offending part's length (UTF-16 code units)", example = "4") Integer length) {

    public FieldError(String field, String message) {
        this(field, message, null, null);
    }
}
