package care.iop.session.fhir.domain;

import java.util.List;

/** One page of what a search found, with how many it found in all (a FHIR searchset's {@code total}). */
public record Found<T>(List<T> items, long total) {
    public static <T> Found<T> none() {
        return new Found<>(List.of(), 0);
    }
}
