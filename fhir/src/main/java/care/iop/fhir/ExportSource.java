package care.iop.fhir;

import org.hl7.fhir.r4.model.Resource;

import java.util.Set;
import java.util.function.Consumer;

/**
 * A service's resources for bulk export, streamed to {@code sink} one at a time (page through the tables; never load
 * them all), with the same privacy rules as its searches. One bean per service.
 */
public interface ExportSource {
    Set<String> types();

    void export(ExportQuery query, Consumer<Resource> sink);
}
