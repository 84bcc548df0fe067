package care.iop.bench;

import java.util.List;
import java.util.Locale;

/**
 * An SVG chart of latency distributions: one line per run, latency (ms) against percentile on a
 * "nines" axis (50, 90, 99, 99.9), the usual way to read an HdrHistogram.
 */
public final class LatencyChart {
    private static final String[] COLORS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b" };
    private static final double[] PERCENTILES = { 0, 25, 50, 75, 90, 95, 99, 99.5, 99.9 };
    private static final int WIDTH = 720;
    private static final int HEIGHT = 400;
    private static final int LEFT = 70;
    private static final int BOTTOM = 50;
    private static final int TOP = 40;
    private static final int RIGHT = 180;

    private LatencyChart() {
    }

    public static String svg(String title, List<LoadResult> runs) {
        double maxMs = runs.stream().mapToDouble(r -> r.p(99.9)).max().orElse(1) * 1.1;
        double maxX = nines(99.9);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", LEFT, escape(title)));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, TOP + plotH, LEFT + plotW, TOP + plotH));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, TOP, LEFT, TOP + plotH));
        for (double p : PERCENTILES) {
            double x = LEFT + plotW * nines(p) / maxX;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", x, TOP, x, TOP + plotH));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">p%s</text>%n", x, TOP + plotH + 18, label(p)));
        }
        for (int i = 0; i <= 5; i++) {
            double ms = maxMs * i / 5;
            double y = TOP + plotH - plotH * i / 5.0;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>%n", LEFT - 6, y + 4, ms));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">latency (ms)</text>%n", TOP + plotH / 2, TOP + plotH / 2));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n", LEFT + plotW / 2, HEIGHT - 10));
        for (int r = 0; r < runs.size(); r++) {
            LoadResult run = runs.get(r);
            String color = COLORS[r % COLORS.length];
            StringBuilder points = new StringBuilder();
            for (double p : PERCENTILES) {
                double x = LEFT + plotW * nines(p) / maxX;
                double y = TOP + plotH - plotH * Math.min(run.p(p), maxMs) / maxMs;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n", color, points.toString().trim()));
            int ly = TOP + 10 + r * 18;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>%n", LEFT + plotW + 12, ly, color));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + plotW + 28, ly + 5, escape(run.name())));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Position on the nines axis: 0 at p0, 1 at p90, 2 at p99, 3 at p99.9. */
    private static double nines(double percentile) {
        return -Math.log10(1 - Math.min(percentile, 99.9) / 100.0);
    }

    private static String label(double p) {
        return p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
