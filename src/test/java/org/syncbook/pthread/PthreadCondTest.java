package org.syncbook.pthread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.syncbook.sys.Errno;

/** {@link PthreadCond}: signal and broadcast, timed waits on the monotonic clock, and misuse refused. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class PthreadCondTest {

    /** A mutex, its condition variable and a counter of "tickets" the waiters consume. */
    private static final class Gate implements AutoCloseable {
        final PthreadMutex mutex = new PthreadMutex(MutexType.ERRORCHECK);
        final PthreadCond cond = mutex.newCondition();
        int tickets; // guarded by mutex
        final AtomicInteger passed = new AtomicInteger();

        Async<Void> waiter(String name) {
            return Async.run(name, () -> {
                try (Held held = mutex.lock()) {
                    while (tickets == 0) {
                        cond.awaitUninterruptibly();
                    }
                    tickets--;
                }
                passed.incrementAndGet();
            });
        }

        @Override
        public void close() {
            cond.close();
            mutex.close();
        }
    }

    @Test
    @DisplayName("signal() lets one waiter through, signalAll() the rest")
    void signalAndBroadcast() throws Exception {
        try (Gate g = new Gate()) {
            @SuppressWarnings("unchecked")
            Async<Void>[] waiters = new Async[3];
            for (int i = 0; i < waiters.length; i++) {
                waiters[i] = g.waiter("waiter-" + i);
            }
            Async.eventually("three waiters on the condition variable", () -> g.cond.waiters() == 3);
            try (Held held = g.mutex.lock()) {
                g.tickets = 1;
                g.cond.signal();
            }
            Async.eventually("one waiter passed", () -> g.passed.get() == 1);
            Thread.sleep(50);
            assertEquals(1, g.passed.get(), "one ticket and one signal let more than one waiter through");
            try (Held held = g.mutex.lock()) {
                g.tickets = 2;
                g.cond.signalAll();
            }
            for (Async<Void> w : waiters) {
                w.get("a waiter after signalAll");
            }
            assertEquals(3, g.passed.get());
        }
    }

    @Test
    @DisplayName("a wait releases the mutex while it sleeps and holds it again when it returns")
    void waitReleasesTheMutex() throws Exception {
        try (Gate g = new Gate()) {
            Async<Void> waiter = g.waiter("waiter");
            Async.eventually("the waiter is waiting", () -> g.cond.waiters() == 1);
            // counted as a waiter just before it releases the mutex in C: lock() waits for that moment
            try (Held held = g.mutex.lock()) {
                assertSame(Thread.currentThread(), g.mutex.owner(), "the waiter kept the mutex while it waited");
                g.tickets = 1;
                g.cond.signal();
            }
            waiter.get("the waiter");
        }
    }

    @Test
    @DisplayName("waiting without holding the mutex: NotOwnerException (EPERM), for every kind of wait")
    void waitWithoutTheMutex() throws Exception {
        try (Gate g = new Gate()) {
            assertThrows(NotOwnerException.class, g.cond::awaitUninterruptibly);
            assertThrows(NotOwnerException.class, g.cond::await);
            assertThrows(NotOwnerException.class, () -> g.cond.awaitNanos(1_000_000));
            assertThrows(NotOwnerException.class, () -> g.cond.awaitNanos(0), "even a zero timeout checks the owner");
            Held held = g.mutex.lock();
            Throwable e = Async.run("stranger", g.cond::awaitUninterruptibly).failure("a wait by a non-owner");
            assertInstanceOf(NotOwnerException.class, e);
            assertEquals(0, g.cond.waiters());
            held.close();
        }
    }

    @Test
    @DisplayName("waiting with a RECURSIVE mutex held twice is refused: C would sleep with it still locked")
    void recursiveHeldTwice() throws Exception {
        try (PthreadMutex m = new PthreadMutex(MutexType.RECURSIVE); PthreadCond c = m.newCondition()) {
            try (Held outer = m.lock(); Held inner = m.lock()) {
                IllegalMonitorStateException e = assertThrows(IllegalMonitorStateException.class, c::awaitUninterruptibly);
                assertTrue(e.getMessage().contains("2 times"), e.getMessage());
                assertEquals(2, m.holdCount(), "the refused wait changed the hold count");
            }
            try (Held once = m.lock()) {
                assertTrue(c.awaitNanos(1_000_000) <= 1_000_000, "held once, a timed wait is fine");
                assertTrue(m.isHeldByCurrentThread());
            }
        }
    }

    @Test
    @DisplayName("timed waits: awaitNanos counts down one deadline; await(time) and awaitUntil(date) time out")
    void timedWaits() throws Exception {
        try (Gate g = new Gate(); Held held = g.mutex.lock()) {
            long start = System.nanoTime();
            long left = TimeUnit.MILLISECONDS.toNanos(80);
            while (left > 0) { // each call sleeps at most one 20 ms slice, then reports what is left
                left = g.cond.awaitNanos(left);
            }
            long waited = System.nanoTime() - start;
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(75), "the deadline came after only " + waited / 1e6 + " ms");
            assertTrue(g.mutex.isHeldByCurrentThread(), "a timed-out wait must hand the mutex back");
            assertEquals(-5, g.cond.awaitNanos(-5), "a timeout of zero or less returns at once, as Condition says");
            assertFalse(g.cond.await(0, TimeUnit.MILLISECONDS), "a zero timeout has passed at once");
            assertFalse(g.cond.awaitUntil(new Date(System.currentTimeMillis() - 1000)), "a date in the past has passed");
        }
    }

    @Test
    @DisplayName("an interrupted await() throws InterruptedException within a slice, holding the mutex")
    void interruptedAwait() throws Exception {
        try (Gate g = new Gate()) {
            Async<Boolean> waiter = Async.call("waiter", () -> {
                try (Held held = g.mutex.lock()) {
                    try {
                        while (g.tickets == 0) {
                            g.cond.await();
                        }
                        return false;
                    } catch (InterruptedException e) {
                        return g.mutex.isHeldByCurrentThread();
                    }
                }
            });
            Async.eventually("the waiter is waiting", () -> g.cond.waiters() == 1);
            waiter.thread().interrupt();
            assertTrue(waiter.finishesWithin(2_000), "await() did not notice the interrupt within 2 s");
            assertTrue(waiter.get("the interrupted waiter"), "InterruptedException must come with the mutex held");
        }
    }

    @Test
    @DisplayName("close() with a waiter is refused with EBUSY; after it has left, close works; then ISE")
    void closeWithWaiters() throws Exception {
        Gate g = new Gate();
        Async<Void> waiter = g.waiter("waiter");
        Async.eventually("the waiter is waiting", () -> g.cond.waiters() == 1);
        BusyException e = assertThrows(BusyException.class, g.cond::close);
        assertTrue(e.is(Errno.EBUSY) && e.getMessage().contains("pthread_cond_destroy"), e.getMessage());
        assertThrows(BusyException.class, g.mutex::close, "the waiter still uses the mutex too");
        try (Held held = g.mutex.lock()) {
            g.tickets = 1;
            g.cond.signal();
        }
        waiter.get("the waiter");
        g.cond.close();
        assertThrows(IllegalStateException.class, g.cond::signal);
        assertThrows(IllegalStateException.class, g.cond::awaitUninterruptibly);
        g.mutex.close();
        g.cond.close(); // idempotent
    }

    @Test
    @DisplayName("a condition variable needs an open mutex, and its waits fail clearly once the mutex is closed")
    void mutexClosedFirst() {
        PthreadMutex m = new PthreadMutex();
        PthreadCond c = m.newCondition();
        m.close(); // the wrong order, but nobody waits, so it is allowed
        assertThrows(IllegalStateException.class, c::awaitUninterruptibly);
        c.signal(); // signalling with nobody waiting is harmless
        c.close();
        assertThrows(IllegalStateException.class, m::newCondition);
    }

    @Test
    @DisplayName("the mailbox: 2 producers and 2 consumers pass 10 000 values, none lost or doubled")
    void mailboxProducersConsumers() throws Exception {
        int perProducer = 5_000;
        try (PthreadMailbox box = new PthreadMailbox()) {
            AtomicInteger sum = new AtomicInteger();
            @SuppressWarnings("unchecked")
            Async<Void>[] threads = new Async[4];
            for (int p = 0; p < 2; p++) {
                int base = p * perProducer;
                threads[p] = Async.run("producer-" + p, () -> {
                    for (int i = 1; i <= perProducer; i++) {
                        box.put(base + i);
                    }
                });
                threads[2 + p] = Async.run("consumer-" + p, () -> {
                    for (int i = 0; i < perProducer; i++) {
                        sum.addAndGet((int) box.take());
                    }
                });
            }
            for (Async<Void> t : threads) {
                t.get("a producer or consumer");
            }
            int n = 2 * perProducer;
            assertEquals(n * (n + 1) / 2, sum.get(), "the values taken do not add up to the values put");
            assertFalse(box.take(1, TimeUnit.MILLISECONDS).isPresent(), "the box should be empty");
        }
    }

    @Test
    @DisplayName("the mailbox's timed take: empty after its timeout, the value when one comes in time")
    void mailboxTimedTake() throws Exception {
        try (PthreadMailbox box = new PthreadMailbox()) {
            long start = System.nanoTime();
            assertFalse(box.take(50, TimeUnit.MILLISECONDS).isPresent());
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(45));
            Async.run("late producer", () -> {
                Thread.sleep(30);
                box.put(42);
            });
            assertEquals(42, box.take(10, TimeUnit.SECONDS).getAsLong());
            assertThrows(IllegalArgumentException.class, () -> box.take(-1, TimeUnit.SECONDS));
        }
    }
}
