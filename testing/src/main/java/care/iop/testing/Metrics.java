package care.iop.testing;

import static io.restassured.RestAssured.given;

/** Reads one value from the service's Prometheus endpoint ({@code /q/metrics}) under test. */
public final class Metrics {
    private Metrics() {
    }

    /** The value of the first sample named {@code name} (with or without labels), or 0 when there is none yet. */
    public static double value(String name) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }
}
