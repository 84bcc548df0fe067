package care.iop.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/** Runs {@code count} blocking tasks on {@code threads} threads; the first failure stops the rest and is rethrown. */
public final class Parallel {
    private Parallel() {
    }

    public static void run(int count, int threads, IntConsumer task) {
        run(count, threads, task, null);
    }

    /** As {@link #run(int, int, IntConsumer)}, printing progress every {@code count / 10} tasks under {@code label}. */
    public static void run(int count, int threads, IntConsumer task, String label) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        int step = Math.max(1, count / 10);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, count)));
        for (int t = 0; t < Math.min(threads, count); t++) {
            pool.execute(() -> {
                int i;
                while (failure.get() == null && (i = next.getAndIncrement()) < count) {
                    try {
                        task.accept(i);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                    int d = done.incrementAndGet();
                    if (label != null && d % step == 0) {
                        double s = (System.nanoTime() - start) / 1e9;
                        System.out.printf("    %s: %,d of %,d (%.0f/s)%n", label, d, count, d / s);
                    }
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(6, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
