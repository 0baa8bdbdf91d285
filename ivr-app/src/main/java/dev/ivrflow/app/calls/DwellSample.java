package dev.ivrflow.app.calls;

import java.util.Arrays;
import java.util.Random;

/**
 * Dwell times of one node in bounded memory: every value up to {@code cap}, then a uniform random sample of
 * {@code cap} values (Vitter's reservoir sampling, algorithm R), so the median is exact up to {@code cap} visits
 * and an unbiased estimate beyond. Not thread-safe.
 */
final class DwellSample {
    private final int cap;
    private final Random random;
    private long[] kept = new long[16];
    private int size;
    private long seen;
    private double sum;

    DwellSample(int cap, Random random) {
        this.cap = cap;
        this.random = random;
    }

    void add(long millis) {
        seen++;
        sum += millis;
        if (size < cap) {
            if (size == kept.length) kept = Arrays.copyOf(kept, Math.min(cap, kept.length * 2));
            kept[size++] = millis;
        } else {
            long j = random.nextLong(seen);
            if (j < cap) kept[(int) j] = millis;
        }
    }

    FlowStats.Dwell result() {
        if (seen == 0) return new FlowStats.Dwell(0, null, null, null, true);
        long[] s = Arrays.copyOf(kept, size);
        Arrays.sort(s);
        int mid = size / 2;
        long median = size % 2 == 1 ? s[mid] : Math.round((s[mid - 1] + s[mid]) / 2.0);
        long p90 = s[(int) Math.ceil(0.9 * size) - 1];
        return new FlowStats.Dwell(seen, median, p90, Math.round(sum / seen), seen <= cap);
    }
}
