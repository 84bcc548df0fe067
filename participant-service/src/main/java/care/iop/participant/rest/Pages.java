package care.iop.participant.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The API document's names for the pages this service answers with an example: an answer documented with an
 * example needs its schema named explicitly, and {@code Page<T>} cannot be named in an annotation. Documentation
 * only: the answers are {@link care.iop.platform.web.Page}s, which serialize to exactly these fields.
 */
final class Pages {
    private Pages() {
    }

    @Schema(name = "PatientPage", description = "One page of patients")
    record PatientPage(List<PatientResponse> items, @Schema(description = "Page number, from 0") int page,
                       @Schema(description = "Page size") int size, @Schema(description = "Matching patients in all pages") long total) {
    }

    @Schema(name = "ClinicianPage", description = "One page of clinicians")
    record ClinicianPage(List<ClinicianResponse> items, @Schema(description = "Page number, from 0") int page,
                         @Schema(description = "Page size") int size, @Schema(description = "Matching clinicians in all pages") long total) {
    }

    @Schema(name = "PreferenceChangePage", description = "One page of preference changes, newest first")
    record PreferenceChangePage(List<PreferenceChangeResponse> items, @Schema(description = "Page number, from 0") int page,
                                @Schema(description = "Page size") int size, @Schema(description = "Changes in all pages") long total) {
    }
}
