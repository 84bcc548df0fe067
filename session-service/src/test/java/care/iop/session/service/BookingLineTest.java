package care.iop.session.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import care.iop.session.domain.Booking;

/** The line alone, with a stand-in for the transaction that places a batch. */
class BookingLineTest {
    private final BookingLine line = new BookingLine();

    private static BookingLine.Ticket ticket(UUID patientId) {
        return new BookingLine.Ticket(patientId, null, null);
    }

    private static Booking booking(UUID patientId) {
        Booking booking = new Booking();
        booking.patientId = patientId;
        return booking;
    }

    @Test
    void concurrentRequestsOfOneSessionArePlacedOnceEachInBatchesThatNeverOverlap() throws Exception {
        UUID session = UUID.randomUUID();
        AtomicInteger placing = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<List<UUID>> batches = Collections.synchronizedList(new ArrayList<>());
        int requests = 60;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Booking>> answers = new ArrayList<>();
            List<UUID> patients = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                UUID patient = UUID.randomUUID();
                patients.add(patient);
                answers.add(pool.submit(() -> {
                    go.await();
                    return line.place(session, ticket(patient), tickets -> {
                        if (placing.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        batches.add(tickets.stream().map(t -> t.patientId).toList());
                        if (batches.size() == 1) {
                            // the first batch is placed once every other request waits in line
                            int placedFirst = tickets.size();
                            await().until(() -> line.waiting() == requests - placedFirst);
                        }
                        tickets.forEach(t -> t.placed(booking(t.patientId)));
                        placing.decrementAndGet();
                    });
                }));
            }
            go.countDown();
            for (int i = 0; i < requests; i++) {
                assertThat(answers.get(i).get().patientId).isEqualTo(patients.get(i));
            }
            assertThat(overlaps).hasValue(0);
            assertThat(batches.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(patients);
            assertThat(batches).as("the first batch, then everyone who queued behind it").hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void linesOfDifferentSessionsDoNotWaitForEachOther() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        CountDownLatch firstPlacing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<Booking> slow = pool.submit(() -> line.place(first, ticket(UUID.randomUUID()), tickets -> {
                firstPlacing.countDown();
                awaitLatch(release);
                tickets.forEach(t -> t.placed(booking(t.patientId)));
            }));
            awaitLatch(firstPlacing);
            UUID patient = UUID.randomUUID();
            Booking placed = line.place(second, ticket(patient), tickets -> tickets.forEach(t -> t.placed(booking(t.patientId))));
            assertThat(placed.patientId).isEqualTo(patient);
            assertThat(slow).isNotDone();
            release.countDown();
            assertThat(slow.get()).isNotNull();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusedTicketThrowsItsRefusalAndAFailedBatchRefusesWhatItLeftUndecided() {
        UUID session = UUID.randomUUID();
        IllegalArgumentException why = new IllegalArgumentException("already on the roster");
        assertThatThrownBy(() -> line.place(session, ticket(UUID.randomUUID()), tickets -> tickets.forEach(t -> t.refused(why))))
                .isSameAs(why);
        IllegalStateException broken = new IllegalStateException("database gone");
        assertThatThrownBy(() -> line.place(session, ticket(UUID.randomUUID()), tickets -> {
            throw broken;
        })).isSameAs(broken);
        // the line is open again afterwards
        UUID patient = UUID.randomUUID();
        assertThat(line.place(session, ticket(patient), tickets -> tickets.forEach(t -> t.placed(booking(t.patientId)))).patientId)
                .isEqualTo(patient);
    }

    @Test
    void eachSessionIsPlacedWithOnlyItsOwnTickets() throws Exception {
        List<UUID> sessions = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Map<UUID, UUID> sessionOfPatient = new ConcurrentHashMap<>();
        AtomicInteger mixed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Future<Booking>> answers = new ArrayList<>();
            for (int i = 0; i < 90; i++) {
                UUID session = sessions.get(i % 3);
                UUID patient = UUID.randomUUID();
                sessionOfPatient.put(patient, session);
                answers.add(pool.submit(() -> line.place(session, ticket(patient), tickets -> {
                    if (tickets.stream().anyMatch(t -> !sessionOfPatient.get(t.patientId).equals(session))) {
                        mixed.incrementAndGet();
                    }
                    tickets.forEach(t -> t.placed(booking(t.patientId)));
                })));
            }
            for (Future<Booking> answer : answers) {
                assertThat(answer.get()).isNotNull();
            }
            assertThat(mixed).hasValue(0);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
