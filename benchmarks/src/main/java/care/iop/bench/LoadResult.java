package care.iop.bench;

import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * What one load run measured: requests, errors, throughput, the latency distribution (microseconds)
 * and, when measured, the CPU seconds each part of the stack used meanwhile ({@link CpuMeter}).
 */
public record LoadResult(String name, long requests, long errors, double seconds, Histogram latencyMicros, Map<String, Double> cpuSeconds) {

    public LoadResult(String name, long requests, long errors, double seconds, Histogram latencyMicros) {
        this(name, requests, errors, seconds, latencyMicros, Map.of());
    }

    /** CPU milliseconds per request and cores busy per part, as a markdown table (empty when not measured). */
    public String cpuTable() {
        return cpuSeconds.isEmpty() ? "" : CpuMeter.table(cpuSeconds, requests, seconds);
    }

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
