package care.iop.plan.comparison.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * Draws the comparison as a standalone SVG, one row per exposure view: on the left a bar per bucket for the mean change
 * with its 95 % interval as an error bar (withheld buckets labelled); on the right, for each pair of buckets, the
 * difference in mean change (hollow circle) and the difference adjusted for baseline (filled square), each with its 95 %
 * interval, around a zero line. Element classes and ids ({@code bucket}, {@code difference}, {@code unadjusted},
 * {@code adjusted}) let a reader or a test find each figure.
 */
final class ComparisonChart {
    private static final int WIDTH = 1120;
    private static final int HEADER = 96;
    private static final int ROW = 340;
    private static final int BARS_LEFT = 70;
    private static final int BARS_RIGHT = 650;
    private static final int FOREST_LEFT = 860;
    private static final int FOREST_RIGHT = 1100;
    private static final int PLOT_TOP = 40;
    private static final int PLOT_HEIGHT = 200;

    private final StringBuilder svg = new StringBuilder();

    private ComparisonChart() {
    }

    static String of(ComparisonView c, String instrumentName) {
        ComparisonChart chart = new ComparisonChart();
        int height = HEADER + ROW * c.exposures().size() + 20;
        chart.svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        chart.svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\" role=\"img\" aria-labelledby=\"title\">\n", WIDTH, height, WIDTH, height));
        String title = "Change in " + instrumentName + " by exposure (prescribed and attended modality mix)";
        chart.svg.append("<title id=\"title\">").append(escape(title)).append("</title>\n");
        chart.svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        chart.text(WIDTH / 2.0, 26, "middle", 18, "bold", title);
        chart.text(WIDTH / 2.0, 46, "middle", 12, "normal", "admissions " + (c.from() == null ? "from the start" : c.from()) + " to "
                + (c.to() == null ? "today" : c.to()) + (c.track() == null ? "" : ", track " + c.track())
                + "; change = follow-up - baseline, negative = improvement; whiskers: 95 % CI; cells under " + c.rules().minCellSize()
                + " episodes withheld");
        chart.text(WIDTH / 2.0, 64, "middle", 12, "italic", "Observational data: modality was chosen by comfort and need (confounding by"
                + " indication). The adjusted difference removes baseline severity only.");
        chart.text(WIDTH / 2.0, 82, "middle", 11, "normal", "right panels: difference bucket - reference;  o unadjusted,  \u25a0 adjusted for baseline");
        for (int i = 0; i < c.exposures().size(); i++) {
            chart.exposure(c.exposures().get(i), HEADER + ROW * i);
        }
        chart.svg.append("</svg>\n");
        return chart.svg.toString();
    }

    private void exposure(ComparisonView.ExposureView e, int top) {
        svg.append("<g class=\"exposure\" id=\"").append(e.exposure()).append("\">\n");
        text(BARS_LEFT, top + 20, "start", 14, "bold", e.exposure().equals("PRESCRIBED")
                ? "As prescribed (plans' dated modality schedules)" : "As attended");
        bars(e, top + PLOT_TOP);
        forest(e, top + PLOT_TOP);
        svg.append("</g>\n");
    }

    private void bars(ComparisonView.ExposureView e, int top) {
        double min = 0;
        double max = 0;
        for (ComparisonView.BucketView b : e.buckets()) {
            if (b.meanChange() != null) {
                min = Math.min(min, low(b.meanChange()));
                max = Math.max(max, high(b.meanChange()));
            }
        }
        DoubleUnaryOperator y = scale(min, max, top + PLOT_HEIGHT, top);
        axis(min, max, y, BARS_LEFT, BARS_RIGHT, true);
        double zero = y.applyAsDouble(0);
        double slot = (BARS_RIGHT - BARS_LEFT) / (double) e.buckets().size();
        for (int i = 0; i < e.buckets().size(); i++) {
            ComparisonView.BucketView b = e.buckets().get(i);
            double cx = BARS_LEFT + slot * (i + 0.5);
            svg.append("<g class=\"bucket\" id=\"").append(e.exposure()).append('-').append(b.bucket()).append("\">\n");
            if (b.suppressed() || b.meanChange() == null) {
                text(cx, zero - 8, "middle", 10, "normal", b.suppressed() || b.n() == null ? "withheld" : "n = " + b.n());
            } else {
                ComparisonView.IntervalView m = b.meanChange();
                double bar = y.applyAsDouble(m.estimate());
                svg.append(String.format(Locale.ROOT, "<rect class=\"mean-change\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                                + " fill=\"%s\"><title>mean change %s</title></rect>%n", cx - slot * 0.25, Math.min(zero, bar), slot * 0.5,
                        Math.abs(bar - zero), m.estimate() <= 0 ? "#4a90c2" : "#d9822b", format(m.estimate())));
                if (m.ci95Lower() != null) {
                    whisker(cx, y.applyAsDouble(m.ci95Lower()), y.applyAsDouble(m.ci95Upper()), "95 % CI " + format(m.ci95Lower()) + " to "
                            + format(m.ci95Upper()));
                }
                text(cx, top + PLOT_HEIGHT + 40, "middle", 9, "normal", "n = " + b.n() + ", " + format(m.estimate()));
                if (m.ci95Lower() != null) {
                    text(cx, top + PLOT_HEIGHT + 52, "middle", 9, "normal", "[" + format(m.ci95Lower()) + ", " + format(m.ci95Upper()) + "]");
                }
            }
            text(cx, top + PLOT_HEIGHT + 26, "middle", 9, "bold", b.bucket());
            svg.append("</g>\n");
        }
    }

    private void whisker(double cx, double lo, double hi, String title) {
        svg.append("<g class=\"ci\">");
        line(cx, hi, cx, lo, "#222", 2);
        line(cx - 8, hi, cx + 8, hi, "#222", 2);
        line(cx - 8, lo, cx + 8, lo, "#222", 2);
        svg.append("<title>").append(escape(title)).append("</title></g>\n");
    }

    private void forest(ComparisonView.ExposureView e, int top) {
        List<ComparisonView.DifferenceView> rows = e.differences();
        if (rows.isEmpty()) {
            text((FOREST_LEFT + FOREST_RIGHT) / 2.0 - 120, top + PLOT_HEIGHT / 2.0, "middle", 11, "normal",
                    "no two buckets large enough to compare");
            return;
        }
        double min = 0;
        double max = 0;
        List<ComparisonView.IntervalView> all = new ArrayList<>();
        rows.forEach(d -> {
            all.add(d.meanChange());
            all.add(d.adjustedForBaseline());
        });
        for (ComparisonView.IntervalView i : all) {
            if (i != null) {
                min = Math.min(min, low(i));
                max = Math.max(max, high(i));
            }
        }
        DoubleUnaryOperator x = scale(min, max, FOREST_LEFT, FOREST_RIGHT);
        axis(min, max, x, top, top + PLOT_HEIGHT, false);
        double step = PLOT_HEIGHT / (double) rows.size();
        for (int i = 0; i < rows.size(); i++) {
            ComparisonView.DifferenceView d = rows.get(i);
            double cy = top + step * (i + 0.5);
            svg.append("<g class=\"difference\" id=\"").append(e.exposure()).append('-').append(d.bucket()).append("-vs-")
                    .append(d.reference()).append("\">\n");
            text(FOREST_LEFT - 8, cy + 4, "end", 10, "normal", d.bucket() + " - " + d.reference());
            mark("unadjusted", d.meanChange(), x, cy - 5, false);
            mark("adjusted", d.adjustedForBaseline(), x, cy + 5, true);
            svg.append("</g>\n");
        }
    }

    private void mark(String kind, ComparisonView.IntervalView i, DoubleUnaryOperator x, double cy, boolean filled) {
        if (i == null || i.estimate() == null) {
            return;
        }
        svg.append("<g class=\"").append(kind).append("\">");
        if (i.ci95Lower() != null) {
            line(x.applyAsDouble(i.ci95Lower()), cy, x.applyAsDouble(i.ci95Upper()), cy, filled ? "#222" : "#777", 2);
        }
        double cx = x.applyAsDouble(i.estimate());
        if (filled) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" fill=\"#222\"/>", cx - 4, cy - 4));
        } else {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"white\" stroke=\"#777\" stroke-width=\"2\"/>", cx, cy));
        }
        svg.append("<title>").append(kind).append(' ').append(format(i.estimate()))
                .append(i.ci95Lower() == null ? "" : " [" + format(i.ci95Lower()) + ", " + format(i.ci95Upper()) + "]").append("</title></g>\n");
    }

    /** Ticks and grid: horizontal lines for a vertical scale ({@code vertical}), else vertical lines. */
    private void axis(double min, double max, DoubleUnaryOperator to, double from, double until, boolean vertical) {
        for (double tick : ticks(min, max)) {
            double p = to.applyAsDouble(tick);
            String colour = tick == 0 ? "#333" : "#e5e5e5";
            if (vertical) {
                line(from, p, until, p, colour, tick == 0 ? 1.5 : 1);
                text(from - 6, p + 4, "end", 10, "normal", format(tick));
            } else {
                line(p, from, p, until, colour, tick == 0 ? 1.5 : 1);
                text(p, until + 14, "middle", 10, "normal", format(tick));
            }
        }
    }

    /** A linear map of [min, max] widened by 10 % onto [a, b]. */
    private static DoubleUnaryOperator scale(double min, double max, double a, double b) {
        double span = max - min == 0 ? 1 : max - min;
        double lo = min - span * 0.1;
        double hi = max + span * 0.1;
        return v -> a + (v - lo) / (hi - lo) * (b - a);
    }

    private static List<Double> ticks(double min, double max) {
        double span = max - min == 0 ? 1 : max - min;
        double raw = span * 1.2 / 6;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude < 2 ? 2 * magnitude : raw / magnitude < 5 ? 5 * magnitude : 10 * magnitude;
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil((min - span * 0.1) / step) * step; t <= max + span * 0.1; t += step) {
            ticks.add(Math.abs(t) < step / 1e6 ? 0 : t);
        }
        return ticks;
    }

    private static double low(ComparisonView.IntervalView i) {
        return i.ci95Lower() == null ? i.estimate() : i.ci95Lower();
    }

    private static double high(ComparisonView.IntervalView i) {
        return i.ci95Upper() == null ? i.estimate() : i.ci95Upper();
    }

    private void line(double x1, double y1, double x2, double y2, String stroke, double width) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
                x1, y1, x2, y2, stroke, width));
    }

    private void text(double x, double y, String anchor, int size, String weight, String content) {
        String style = "italic".equals(weight) ? "font-style=\"italic\"" : "font-weight=\"" + weight + "\"";
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" %s>%s</text>%n",
                x, y, anchor, size, style, escape(content)));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
