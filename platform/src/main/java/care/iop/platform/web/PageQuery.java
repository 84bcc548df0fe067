package care.iop.platform.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code page} (from 0) and {@code size} (1 to 100) query parameters of every list endpoint. */
public class PageQuery {
    public static final int MAX_SIZE = 100;
    /** Keeps page x size far from integer overflow; deeper pages call for a narrower filter. */
    public static final int MAX_PAGE = 100_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be between 0 and 100000")
    @Max(value = MAX_PAGE, message = "must be between 0 and 100000")
    // the schema's default is an integer (the scanner takes @DefaultValue of a boxed type as a string)
    @Parameter(description = "Page number, from 0", example = "0", schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "0"))
    public Integer page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "must be between 1 and 100")
    @Max(value = MAX_SIZE, message = "must be between 1 and 100")
    @Parameter(description = "Page size, 1 to 100", example = "20", schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "20"))
    public Integer size;

    public int offset() {
        return page * size;
    }
}
