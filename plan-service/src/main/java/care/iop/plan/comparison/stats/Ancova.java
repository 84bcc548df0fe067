package care.iop.plan.comparison.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Analysis of covariance by ordinary least squares (Apache Commons Math {@link OLSMultipleLinearRegression}):
 * follow-up = intercept + b · baseline + one indicator per group other than the first + indicators of the extra
 * categorical covariates (each level but its first). The difference between two groups adjusted for the covariates is the
 * difference of their indicator coefficients; its variance comes from the coefficients' covariance matrix
 * σ² (X'X)⁻¹, and its interval from t(0.975, n − p). The omnibus F test compares the model with the same model
 * without the group indicators.
 */
public final class Ancova {
    private final List<String> groups;
    private final Map<String, Integer> column = new LinkedHashMap<>();
    private final double[] beta;
    private final double[][] covariance;
    private final int residualDf;
    private final int n;
    private final Double exposureF;
    private final Double exposureP;

    /** One observation: its group, baseline, follow-up and the levels of the extra covariates (by covariate name). */
    public record Row(String group, double baseline, double followUp, Map<String, String> covariates) {
    }

    private Ancova(List<String> groups, double[] beta, double[][] covariance, int residualDf, int n, Map<String, Integer> column,
                   Double exposureF, Double exposureP) {
        this.groups = groups;
        this.beta = beta;
        this.covariance = covariance;
        this.residualDf = residualDf;
        this.n = n;
        this.column.putAll(column);
        this.exposureF = exposureF;
        this.exposureP = exposureP;
    }

    /**
     * Fits the model over {@code rows} with {@code groups} (the first is the reference) and the named extra covariates;
     * empty when the design cannot be estimated (fewer than two residual degrees of freedom, or a singular design).
     */
    public static java.util.Optional<Ancova> fit(List<Row> rows, List<String> groups, List<String> covariates) {
        Map<String, Integer> column = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        names.add("baseline");
        for (String group : groups.subList(1, groups.size())) {
            names.add("group:" + group);
        }
        for (String covariate : covariates) {
            List<String> levels = levels(rows, covariate);
            for (String level : levels.subList(1, levels.size())) {
                names.add(covariate + ":" + level);
            }
        }
        for (int i = 0; i < names.size(); i++) {
            column.put(names.get(i), i + 1); // 0 is the intercept
        }
        int p = names.size() + 1;
        if (rows.size() - p < 2) {
            return java.util.Optional.empty();
        }
        double[] y = new double[rows.size()];
        double[][] x = new double[rows.size()][names.size()];
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            y[r] = row.followUp();
            x[r][0] = row.baseline();
            Integer g = column.get("group:" + row.group());
            if (g != null) {
                x[r][g - 1] = 1;
            }
            for (String covariate : covariates) {
                Integer c = column.get(covariate + ":" + row.covariates().get(covariate));
                if (c != null) {
                    x[r][c - 1] = 1;
                }
            }
        }
        try {
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(y, x);
            double[] beta = ols.estimateRegressionParameters();
            double[][] unscaled = ols.estimateRegressionParametersVariance();
            double sigma2 = ols.estimateErrorVariance();
            double[][] covariance = new double[p][p];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    covariance[i][j] = sigma2 * unscaled[i][j];
                }
            }
            // omnibus F test of the groups: this model against the same without the group indicators
            double sse = ols.calculateResidualSumOfSquares();
            int df = rows.size() - p;
            int groupDf = groups.size() - 1;
            Double f = null;
            Double pValue = null;
            if (groupDf > 0 && sse > 0) {
                double[][] reduced = new double[rows.size()][names.size() - groupDf];
                for (int r = 0; r < rows.size(); r++) {
                    reduced[r][0] = x[r][0];
                    System.arraycopy(x[r], 1 + groupDf, reduced[r], 1, names.size() - 1 - groupDf);
                }
                OLSMultipleLinearRegression without = new OLSMultipleLinearRegression();
                without.newSampleData(y, reduced);
                f = (without.calculateResidualSumOfSquares() - sse) / groupDf / (sse / df);
                pValue = 1 - new FDistribution(groupDf, df).cumulativeProbability(f);
            }
            return java.util.Optional.of(new Ancova(List.copyOf(groups), beta, covariance, df, rows.size(), column, f, pValue));
        } catch (SingularMatrixException e) {
            return java.util.Optional.empty();
        }
    }

    /** The adjusted difference {@code group} − {@code reference} with its 95 % interval. */
    public Estimate difference(String reference, String group) {
        int a = index(reference);
        int b = index(group);
        double estimate = coefficient(b) - coefficient(a);
        double variance = variance(b, b) + variance(a, a) - 2 * variance(a, b);
        double margin = Intervals.t95(residualDf) * Math.sqrt(Math.max(0, variance));
        return new Estimate(estimate, estimate - margin, estimate + margin);
    }

    /** The common slope of follow-up on baseline. */
    public double baselineSlope() {
        return beta[column.get("baseline")];
    }

    /**
     * The F statistic of the groups (does the exposure explain anything beyond the covariates?), on (groups − 1,
     * residual df) degrees of freedom; null with a perfect fit.
     */
    public Double exposureF() {
        return exposureF;
    }

    /** The F test's p-value (Apache Commons Math {@link FDistribution}); null with a perfect fit. */
    public Double exposureP() {
        return exposureP;
    }

    public int residualDf() {
        return residualDf;
    }

    public int n() {
        return n;
    }

    /** Levels of a covariate in order of first appearance, the most frequent first (the reference level). */
    static List<String> levels(List<Row> rows, String covariate) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.merge(r.covariates().get(covariate), 1, Integer::sum));
        List<String> levels = new ArrayList<>(counts.keySet());
        levels.sort((l1, l2) -> Integer.compare(counts.get(l2), counts.get(l1)));
        return levels;
    }

    /** Number of distinct levels of a covariate among {@code rows}. */
    public static int levelCount(List<Row> rows, String covariate) {
        Set<String> levels = new LinkedHashSet<>();
        rows.forEach(r -> levels.add(r.covariates().get(covariate)));
        return levels.size();
    }

    private int index(String group) {
        if (!groups.contains(group)) {
            throw new IllegalArgumentException("not a group of the model: " + group);
        }
        Integer c = column.get("group:" + group);
        return c == null ? -1 : c; // -1: the reference group, coefficient 0
    }

    private double coefficient(int index) {
        return index < 0 ? 0 : beta[index];
    }

    private double variance(int i, int j) {
        return i < 0 || j < 0 ? 0 : covariance[i][j];
    }
}
