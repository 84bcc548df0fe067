package care.iop.plan.outcomes.rest;

import java.util.List;
import java.util.Locale;

import care.iop.plan.outcomes.service.ModalityComparison;

/**
 * Draws the comparison as a standalone SVG: per bucket a bar of the mean change with its 95 %
 * confidence interval as an error bar; suppressed buckets show a note instead of a bar.
 */
final class ComparisonChart {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 440;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 70;
    private static final int BOTTOM = 90;

    private ComparisonChart() {
    }

    static String of(ModalityComparison comparison) {
        List<ModalityComparison.BucketOutcome> buckets = comparison.buckets();
        double min = 0;
        double max = 0;
        for (ModalityComparison.BucketOutcome b : buckets) {
            if (!b.suppressed()) {
                min = Math.min(min, b.changeCi95Lower() == null ? b.meanChange() : b.changeCi95Lower());
                max = Math.max(max, b.changeCi95Upper() == null ? b.meanChange() : b.changeCi95Upper());
            }
        }
        double span = max - min;
        if (span == 0) {
            span = 1;
        }
        min -= span * 0.1;
        max += span * 0.1;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double yMin = min;
        double yMax = max;
        java.util.function.DoubleUnaryOperator y = v -> TOP + (yMax - v) / (yMax - yMin) * plotHeight;

        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\" role=\"img\" aria-labelledby=\"title\">\n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        String title = "Mean change in " + comparison.instrument().displayName() + " by attended modality mix";
        svg.append("<title id=\"title\">").append(escape(title)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(WIDTH / 2.0, 28, "middle", 18, "bold", title));
        String window = (comparison.from() == null ? "all time" : comparison.from().toString()) + " to "
                + (comparison.to() == null ? "today" : comparison.to().toString())
                + (comparison.track() == null ? "" : ", track " + comparison.track())
                + "; bars: mean change (latest - baseline), whiskers: 95 % CI; negative = improvement";
        svg.append(text(WIDTH / 2.0, 50, "middle", 12, "normal", window));

        // Axis with ticks
        svg.append(line(LEFT, TOP, LEFT, TOP + plotHeight, "#333", 1));
        for (double tick : ticks(yMin, yMax)) {
            double ty = y.applyAsDouble(tick);
            svg.append(line(LEFT - 5, ty, WIDTH - RIGHT, ty, "#e5e5e5", 1));
            svg.append(text(LEFT - 8, ty + 4, "end", 11, "normal", format(tick)));
        }
        double zero = y.applyAsDouble(0);
        svg.append(line(LEFT, zero, WIDTH - RIGHT, zero, "#333", 1.5));

        double slot = (WIDTH - LEFT - RIGHT) / (double) buckets.size();
        for (int i = 0; i < buckets.size(); i++) {
            ModalityComparison.BucketOutcome b = buckets.get(i);
            double cx = LEFT + slot * (i + 0.5);
            svg.append("<g class=\"bucket\" id=\"").append(b.bucket().name()).append("\">\n");
            if (b.suppressed()) {
                svg.append(text(cx, zero - 10, "middle", 12, "normal", "suppressed (fewer than " + comparison.minBucketSize() + " patients)"));
            } else {
                double barTop = Math.min(zero, y.applyAsDouble(b.meanChange()));
                double barHeight = Math.abs(y.applyAsDouble(b.meanChange()) - zero);
                svg.append(String.format(Locale.ROOT, "<rect class=\"mean-change\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                                + "<title>mean change %s</title></rect>\n", cx - slot * 0.2, barTop, slot * 0.4, barHeight,
                        b.meanChange() <= 0 ? "#4a90c2" : "#d9822b", format(b.meanChange())));
                if (b.changeCi95Lower() != null) {
                    double lo = y.applyAsDouble(b.changeCi95Lower());
                    double hi = y.applyAsDouble(b.changeCi95Upper());
                    svg.append("<g class=\"ci\">");
                    svg.append(line(cx, hi, cx, lo, "#222", 2));
                    svg.append(line(cx - 12, hi, cx + 12, hi, "#222", 2));
                    svg.append(line(cx - 12, lo, cx + 12, lo, "#222", 2));
                    svg.append("<title>95 % CI ").append(format(b.changeCi95Lower())).append(" to ")
                            .append(format(b.changeCi95Upper())).append("</title></g>\n");
                }
                svg.append(text(cx, HEIGHT - BOTTOM + 54, "middle", 11, "normal", "n = " + b.n() + ", mean change "
                        + format(b.meanChange()) + (b.changeCi95Lower() == null ? ""
                        : " [" + format(b.changeCi95Lower()) + ", " + format(b.changeCi95Upper()) + "]")));
            }
            svg.append(text(cx, HEIGHT - BOTTOM + 34, "middle", 13, "bold", b.bucket().name()));
            svg.append("</g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static List<Double> ticks(double min, double max) {
        double raw = (max - min) / 6;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude < 2 ? 2 * magnitude : raw / magnitude < 5 ? 5 * magnitude : 10 * magnitude;
        List<Double> ticks = new java.util.ArrayList<>();
        for (double t = Math.ceil(min / step) * step; t <= max; t += step) {
            ticks.add(Math.abs(t) < step / 1e6 ? 0 : t);
        }
        return ticks;
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke, double width) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
                x1, y1, x2, y2, stroke, width);
    }

    private static String text(double x, double y, String anchor, int size, String weight, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" font-weight=\"%s\">%s</text>%n",
                x, y, anchor, size, weight, escape(content));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
