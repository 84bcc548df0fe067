package care.iop.bench;

import org.HdrHistogram.Histogram;

/** What one load run measured: requests, errors, throughput and the latency distribution (microseconds). */
public record LoadResult(String name, long requests, long errors, double seconds, Histogram latencyMicros) {

    public double throughput() {
        return requests / seconds;
    }

    public double p(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public String summary() {
        return String.format("%s: %.0f req/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, errors %d of %d",
                name, throughput(), p(50), p(95), p(99), errors, requests);
    }
}
