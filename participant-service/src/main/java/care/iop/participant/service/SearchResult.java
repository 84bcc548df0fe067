package care.iop.participant.service;

import java.util.List;

/**
 * One slice of the matches of a search, taken at an offset (FHIR pages by {@code _offset} and {@code _count}, the JSON
 * API by page number), with the number of matches in all slices.
 */
public record SearchResult<T>(List<T> items, long total) {
    public SearchResult {
        items = List.copyOf(items);
    }
}
