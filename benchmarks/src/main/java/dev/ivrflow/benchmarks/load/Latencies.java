package dev.ivrflow.benchmarks.load;

import java.util.Arrays;
import java.util.Locale;

/** A latency distribution, in milliseconds: count, mean, p50, p90, p99, p99.9 and max (nearest rank). */
public record Latencies(int count, double meanMs, double p50Ms, double p90Ms, double p99Ms, double p999Ms,
                        double maxMs) {

    static Latencies of(long[] nanos) {
        if (nanos.length == 0) {
            return new Latencies(0, 0, 0, 0, 0, 0, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        return new Latencies(sorted.length, sum / sorted.length / 1e6, rank(sorted, 0.50), rank(sorted, 0.90),
                rank(sorted, 0.99), rank(sorted, 0.999), sorted[sorted.length - 1] / 1e6);
    }

    private static double rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms "
                + "(mean %.2f ms, %,d samples)", p50Ms, p90Ms, p99Ms, p999Ms, maxMs, meanMs, count);
    }
}
