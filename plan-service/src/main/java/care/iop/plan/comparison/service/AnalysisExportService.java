package care.iop.plan.comparison.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;

import care.iop.plan.comparison.domain.AnalysedEpisode;
import care.iop.plan.comparison.domain.ComparisonAnalysis;
import care.iop.plan.comparison.domain.EpisodeAnalysis;
import care.iop.plan.comparison.domain.ExportRow;
import care.iop.plan.comparison.domain.ReportingWindow;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.time.ProgramTime;

/**
 * The de-identified analysis export for researchers: one {@link ExportRow} per episode of the comparison's cohort (every
 * episode, excluded ones with the reason), under the same rules as the comparison. Row-level data, so no small-cell rule
 * applies; it is for admins only (the resource enforces it), and it is audited as a SEARCH of {@value #RESOURCE} with one
 * row per patient in the export, so each patient's accounting of disclosures shows it.
 */
@ApplicationScoped
public class AnalysisExportService {
    public static final String RESOURCE = "ModalityComparisonExport";

    @Inject
    ModalityComparisonService comparisons;

    @Inject
    ComparisonData data;

    @Inject
    DateShifts shifts;

    @Inject
    AuditLog audit;

    @Inject
    ProgramTime time;

    @Transactional
    public List<ExportRow> export(@NotNull ComparisonQuery query) {
        ReportingWindow window = comparisons.window(query);
        ComparisonAnalysis analysis = comparisons.analysis(query.instrument(), false);
        List<AnalysedEpisode> episodes = new ArrayList<>(new EpisodeAnalysis(query.instrument(), analysis.rules(), analysis.exposures())
                .analyse(data.load(window, query.track(), query.instrument()), time.today()));
        episodes.sort(Comparator.comparingLong(e -> shifts.orderOf(e.facts().episodeId())));
        List<ExportRow> rows = new ArrayList<>();
        for (AnalysedEpisode e : episodes) {
            rows.add(ExportRow.of(rows.size() + 1, e, shifts.daysFor(e.facts().patientId()), query.instrument(), analysis.rules()));
        }
        audit.success(AuditAction.SEARCH, RESOURCE, query.instrument().name(), episodes.stream().map(e -> e.facts().patientId()).toList());
        return rows;
    }
}
