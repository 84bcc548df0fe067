package care.iop.plan.comparison.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Content negotiation of the comparison's resources: CSV when the client prefers text/csv to the resource's default type. */
final class CsvNegotiation {
    private CsvNegotiation() {
    }

    static boolean prefersCsv(HttpHeaders headers, MediaType defaultType) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
            if (type.isCompatible(defaultType)) {
                return false;
            }
        }
        return false;
    }
}
