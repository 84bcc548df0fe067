package care.iop.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import care.iop.devstack.Component;

/** Samples the resident memory of every component twice a second and keeps the peak of each. */
public final class RssSampler implements AutoCloseable {
    private final Map<String, Double> peak = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long otherBuilds;

    public RssSampler(BenchStack stack) {
        thread = new Thread(() -> {
            while (running) {
                for (Component component : BenchStack.components()) {
                    stack.rssMb(component.name()).ifPresent(mb -> peak.merge(component.name(), mb, Math::max));
                }
                otherBuilds = Math.max(otherBuilds, ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains("plexus-classworlds")).count());
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    public Map<String, Double> peak() {
        return Map.copyOf(peak);
    }

    /** The most Maven builds (of other people) seen running at once during the run. */
    public long otherBuilds() {
        return otherBuilds;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
