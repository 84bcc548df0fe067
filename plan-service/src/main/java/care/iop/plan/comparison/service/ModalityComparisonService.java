package care.iop.plan.comparison.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;

import care.iop.plan.comparison.domain.BucketScale;
import care.iop.plan.comparison.domain.CohortRules;
import care.iop.plan.comparison.domain.ComparisonAnalysis;
import care.iop.plan.comparison.domain.ExposureRules;
import care.iop.plan.comparison.domain.ModalityComparison;
import care.iop.plan.comparison.domain.ReportingWindow;
import care.iop.plan.comparison.domain.SmallCells;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.outcomes.service.DateWindow;
import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.time.ProgramTime;
import io.quarkus.runtime.StartupEvent;

/**
 * Compares outcomes by exposure (prescribed and attended modality mix, switches) over the episodes of care admitted in a
 * window, with the rules of {@code iop.comparison.*}. Aggregates only, audited as one SEARCH of {@value #RESOURCE} naming
 * no patient. Through a signed chart link the small-cell threshold is never below 11 (a caller outside the program).
 */
@ApplicationScoped
public class ModalityComparisonService {
    public static final String RESOURCE = "ModalityComparison";

    @Inject
    ComparisonData data;

    @Inject
    ComparisonConfig config;

    @Inject
    AuditLog audit;

    @Inject
    ProgramTime time;

    /** Bad bucket names, cut-points or block months stop the start instead of failing the first comparison. */
    void checkConfiguration(@Observes StartupEvent start) {
        analysis(Instrument.PHQ9, false);
    }

    /** The comparison for a program staff caller, audited under the caller's token. */
    @Transactional
    public ModalityComparison compare(@NotNull ComparisonQuery query) {
        ModalityComparison comparison = compute(query, false);
        audit.success(AuditAction.SEARCH, RESOURCE, query.instrument().name(), (UUID) null);
        return comparison;
    }

    /** The comparison shown through a signed chart link, audited under the link's maker. */
    @Transactional
    public ModalityComparison compareThroughLink(@NotNull ComparisonQuery query, String linkIssuer) {
        ModalityComparison comparison = compute(query, true);
        audit.successThroughLink(linkIssuer, AuditAction.SEARCH, RESOURCE, query.instrument().name());
        return comparison;
    }

    /** The admission window of a query, widened to whole blocks; 400 naming {@code instrument}, {@code to} or {@code track}. */
    public ReportingWindow window(ComparisonQuery query) {
        if (query.instrument() == null) {
            throw ProblemException.invalidField("instrument", "must not be null");
        }
        if (query.track() != null && !query.track().matches("[A-Z0-9_-]{1,40}")) {
            throw ProblemException.invalidField("track", "must be a track code such as ADULT_MH, ADULT_SUD or ADOLESCENT");
        }
        DateWindow.of(query.from(), query.to(), time.zone()); // 400 naming to when it lies before from
        return ReportingWindow.of(query.from(), query.to(), config.suppression().blockMonths());
    }

    /** The analysis with the configured rules, for a caller inside ({@code external} false) or outside the program. */
    public ComparisonAnalysis analysis(Instrument instrument, boolean external) {
        ComparisonConfig.Exposure exposure = config.exposure();
        CohortRules rules = new CohortRules(config.baseline().daysBefore(), config.baseline().daysAfter(), config.followUp().minimumDays(),
                config.followUp().choice(), config.elevatedBaseline());
        ExposureRules exposures = new ExposureRules(exposure.scale(), exposure.groupSessionMinutes(),
                new BucketScale(exposure.buckets(), exposure.cutPoints()));
        SmallCells cells = SmallCells.forCaller(config.suppression().minCell(), config.suppression().blockMonths(), external);
        return new ComparisonAnalysis(instrument, rules, exposures, cells);
    }

    private ModalityComparison compute(ComparisonQuery query, boolean external) {
        ReportingWindow window = window(query);
        return analysis(query.instrument(), external).compare(window, query.track(),
                data.load(window, query.track(), query.instrument()), time.today());
    }
}
