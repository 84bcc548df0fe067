package care.iop.plan.comparison.stats;

import java.util.List;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/** The least-squares slope of a patient's scores over time, in points per week (negative: improving). */
public final class Slopes {
    private Slopes() {
    }

    /** A score on a day (days counted from any fixed day). */
    public record Point(long day, double score) {
    }

    /** Slope per week; null below two points or when all points fall on one day. */
    public static Double perWeek(List<Point> points) {
        if (points.size() < 2 || points.stream().map(Point::day).distinct().count() < 2) {
            return null;
        }
        SimpleRegression regression = new SimpleRegression();
        points.forEach(p -> regression.addData(p.day() / 7.0, p.score()));
        return regression.getSlope();
    }
}
