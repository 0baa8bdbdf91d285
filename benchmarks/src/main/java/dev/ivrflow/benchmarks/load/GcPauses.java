package dev.ivrflow.benchmarks.load;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The stop-the-world pauses of this JVM's collector while a phase runs (from the GC notifications; the collectors'
 * concurrent "cycles" are not pauses and are left out), and the machine's load average: on a shared 2-core machine
 * these explain most of a latency tail.
 */
final class GcPauses implements AutoCloseable {
    /** Pauses seen: count, total and longest, in milliseconds. */
    public record Summary(int count, double totalMs, double maxMs) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d GC pauses, %.0f ms in all, longest %.1f ms", count, totalMs, maxMs);
        }
    }

    private final NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            if (isPause(info.getGcName(), info.getGcAction())) {
                record(info.getGcInfo().getDuration());
            }
        }
    };
    private int count;
    private long totalMs;
    private long maxMs;

    GcPauses() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
    }

    private static boolean isPause(String name, String action) {
        // G1 Young/Old Generation, ZGC Minor/Major Pauses, Shenandoah Pauses, Serial/Parallel collectors: pauses;
        // G1 Concurrent GC, ZGC ... Cycles, Shenandoah Cycles: concurrent work
        return !name.contains("Cycles") && !name.contains("Concurrent") && !action.contains("concurrent");
    }

    private synchronized void record(long ms) {
        count++;
        totalMs += ms;
        maxMs = Math.max(maxMs, ms);
    }

    /** The pauses since the last call (or since this watch started), and starts counting again. */
    synchronized Summary take() {
        Summary s = new Summary(count, totalMs, maxMs);
        count = 0;
        totalMs = 0;
        maxMs = 0;
        return s;
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // not registered on this one
                }
            }
        }
    }

    /** The first three fields of /proc/loadavg (1, 5 and 15 minutes), or "unknown". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
