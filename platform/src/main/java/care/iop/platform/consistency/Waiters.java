package care.iop.platform.consistency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Requests waiting for aggregates, by aggregate id: {@link #register} before checking the read model, {@link #wake} once a
 * consumer's transaction that applied events of these aggregates committed. A waiter is woken by the first of its ids
 * that changes; it then checks again. Holds nothing while nobody waits.
 */
public final class Waiters {
    private final ConcurrentHashMap<String, List<Waiter>> byId = new ConcurrentHashMap<>();

    /** One waiting request: woken once, then registered anew for whatever is still missing. */
    public final class Waiter implements AutoCloseable {
        private final CompletableFuture<Void> woken = new CompletableFuture<>();
        private final List<String> ids;

        private Waiter(List<String> ids) {
            this.ids = ids;
        }

        /** Blocks until woken or {@code nanos} have passed; true when woken. */
        public boolean await(long nanos) throws InterruptedException {
            try {
                woken.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
                return true;
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Stops waiting: no longer registered under its ids. */
        @Override
        public void close() {
            for (String id : ids) {
                byId.computeIfPresent(id, (key, list) -> {
                    list.remove(this);
                    return list.isEmpty() ? null : list;
                });
            }
        }
    }

    /** Registers a waiter woken when any of these aggregates is applied; close it when done. */
    public Waiter register(Collection<String> ids) {
        Waiter waiter = new Waiter(List.copyOf(ids));
        for (String id : waiter.ids) {
            byId.compute(id, (key, list) -> {
                List<Waiter> waiting = list == null ? new ArrayList<>(2) : list;
                waiting.add(waiter);
                return waiting;
            });
        }
        return waiter;
    }

    /** Wakes every request waiting for one of these aggregates. */
    public void wake(Collection<String> ids) {
        if (byId.isEmpty()) {
            return;
        }
        for (String id : ids) {
            List<Waiter> woken = byId.remove(id);
            if (woken != null) {
                // the list is no longer reachable from the map: no other thread changes it now
                woken.forEach(w -> w.woken.complete(null));
            }
        }
    }

    /** Wakes every waiting request (to look again after notifications may have been missed). */
    public void wakeAll() {
        wake(List.copyOf(byId.keySet()));
    }

    /** Aggregate ids someone waits for (for tests and metrics). */
    public int size() {
        return byId.size();
    }
}
