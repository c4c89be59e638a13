package org.syncbook.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.ThreadWatch;

/**
 * What every {@link WaitQueue} promises, whatever its strategy. Waiters are started, the test waits
 * until {@link WaitQueue#waiterCount} shows them registered, then changes the state and wakes; a
 * waiter that misses its wake runs into a bound of {@value #BOUND_SECONDS} s and fails the test
 * with the outcome it got, instead of hanging.
 */
@Timeout(value = 60, threadMode = SEPARATE_THREAD)
class WaitQueueContractTest {
    static final long BOUND_SECONDS = 10;
    private static final String ALL = "org.syncbook.wait.Queues#all";

    private final TestThreads threads = new TestThreads(BOUND_SECONDS * 1000);

    /** Waits until {@code key} has {@code n} registered waiters. */
    static void awaitWaiters(WaitQueue<Object> q, Object key, int n) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (q.waiterCount(key) != n) {
            if (System.nanoTime() - giveUp > 0) {
                fail("waiterCount(" + key + ") stayed " + q.waiterCount(key) + ", expected " + n);
            }
            Thread.sleep(1);
        }
    }

    /** Starts a thread that waits while {@code flag} is false and keeps how that ended. */
    private AtomicReference<WaitOutcome> waitFor(WaitQueue<Object> q, Object key, AtomicBoolean flag) {
        AtomicReference<WaitOutcome> outcome = new AtomicReference<>();
        threads.start("waiter-" + key, () -> outcome.set(q.waitWhile(key, BOUND_SECONDS, TimeUnit.SECONDS, () -> !flag.get())));
        return outcome;
    }

    @ParameterizedTest(name = "{0}: a condition already false returns READY without registering")
    @MethodSource(ALL)
    void alreadyReady(String name, Supplier<WaitQueue<Object>> make) throws Exception {
        WaitQueue<Object> q = make.get();
        assertEquals(WaitOutcome.READY, q.waitWhile(1L, 1, TimeUnit.SECONDS, () -> false));
        assertEquals(0, q.waiterCount(1L));
    }

    @ParameterizedTest(name = "{0}: a wait nobody ends reports TIMED_OUT, not before its timeout, and leaves no registration")
    @MethodSource(ALL)
    void timesOut(String name, Supplier<WaitQueue<Object>> make) throws Exception {
        WaitQueue<Object> q = make.get();
        long start = System.nanoTime();
        assertEquals(WaitOutcome.TIMED_OUT, q.waitWhile(1L, 30, TimeUnit.MILLISECONDS, () -> true));
        assertEquals(WaitOutcome.TIMED_OUT, q.wait(1L, 30, TimeUnit.MILLISECONDS));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(60), "returned before its timeouts");
        assertEquals(WaitOutcome.TIMED_OUT, q.waitWhile(1L, 0, TimeUnit.SECONDS, () -> true), "timeout 0: only looks");
        assertEquals(0, q.waiterCount(1L));
        assertThrows(IllegalArgumentException.class, () -> q.wait(1L, -1, TimeUnit.SECONDS));
    }

    @ParameterizedTest(name = "{0}: wakeOne after the change wakes the waiter, which sees the change")
    @MethodSource(ALL)
    void wakeOneWakes(String name, Supplier<WaitQueue<Object>> make) throws Exception {
        WaitQueue<Object> q = make.get();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<WaitOutcome> outcome = waitFor(q, 7L, done);
        awaitWaiters(q, 7L, 1);
        done.set(true);
        q.wakeOne(7L);
        threads.joinAll("the waiter slept through wakeOne");
        assertEquals(WaitOutcome.READY, outcome.get());
        assertEquals(0, q.waiterCount(7L));
    }

    @ParameterizedTest(name = "{0}: wait(key) returns READY for a wake that comes after it registered")
    @MethodSource(ALL)
    void plainWait(String name, Supplier<WaitQueue<Object>> make) throws Exception {
        WaitQueue<Object> q = make.get();
        AtomicReference<WaitOutcome> outcome = new AtomicReference<>();
        threads.start("waiter", () -> outcome.set(q.wait("k", BOUND_SECONDS, TimeUnit.SECONDS)));
        awaitWaiters(q, "k", 1);
        q.wakeOne("k");
        threads.joinAll("wait(key) slept through wakeOne");
        assertEquals(WaitOutcome.READY, outcome.get());
    }

    @ParameterizedTest(name = "{0}: wakeAll wakes every waiter of its key and leaves those of another key asleep")
    @MethodSource(ALL)
    void wakeAllWakesOneKey(String name, Supplier<WaitQueue<Object>> make) throws Exception {
        WaitQueue<Object> q = make.get();
        AtomicBoolean mine = new AtomicBoolean();
        AtomicBoolean other = new AtomicBoolean();
        for (int i = 0; i < 3; i++) {
            waitFor(q, 1L, mine);
        }
        waitFor(q, 2L, other);
        waitFor(q, 2L, other);
        awaitWaiters(q, 1L, 3);
        awaitWaiters(q, 2L, 2);
        mine.set(true);
        q.wakeAll(1L);
        awaitWaiters(q, 1L, 0);
        assertEquals(2, q.waiterCount(2L), "the waiters of key 2 must still wait: their condition still holds");
        other.set(true);
        q.wakeAll(2L);
        threads.joinAll("a waiter slept through wakeAll");
    }

    @ParameterizedTest(name = "{0}: wakeOne reaches a waiter of its key even when a waiter of another key sleeps on the same word")
    @MethodSource(ALL)
    void wakeOneAmongOtherKeys(String name, Supplier<WaitQueue<Object>> make) throws Exception {
        WaitQueue<Object> q = make.get();
        AtomicBoolean first = new AtomicBoolean();
        AtomicBoolean second = new AtomicBoolean();
        waitFor(q, "other", second);
        awaitWaiters(q, "other", 1);
        AtomicReference<WaitOutcome> outcome = waitFor(q, "mine", first);
        awaitWaiters(q, "mine", 1);
        first.set(true);
        q.wakeOne("mine");
        awaitWaiters(q, "mine", 0);
        assertEquals(WaitOutcome.READY, outcome.get());
        assertEquals(1, q.waiterCount("other"), "a wake of 'mine' must not end the other key's wait");
        second.set(true);
        q.wakeOne("other");
        threads.joinAll("a waiter slept through wakeOne");
    }

    @ParameterizedTest(name = "{0}: two waiters take permits: one permit and wakeOne let exactly one through")
    @MethodSource(ALL)
    void wakeOnePerPermit(String name, Supplier<WaitQueue<Object>> make) throws Exception {
        WaitQueue<Object> q = make.get();
        AtomicInteger permits = new AtomicInteger();
        AtomicInteger through = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            threads.start("taker-" + i, () -> {
                // waits while it cannot take a permit; a failed take leaves the condition true
                q.waitWhile("permits", BOUND_SECONDS, TimeUnit.SECONDS, () -> {
                    int p = permits.get();
                    return p == 0 || !permits.compareAndSet(p, p - 1);
                });
                through.incrementAndGet();
            });
        }
        awaitWaiters(q, "permits", 2);
        permits.incrementAndGet();
        q.wakeOne("permits");
        awaitWaiters(q, "permits", 1);
        while (through.get() == 0) { // left the queue, about to count itself
            Thread.onSpinWait();
        }
        assertEquals(1, through.get(), "one permit let " + through.get() + " waiters through");
        permits.incrementAndGet();
        q.wakeOne("permits");
        threads.joinAll("the second taker slept through the second permit's wake");
        assertEquals(2, through.get());
    }

    @ParameterizedTest(name = "{0}: a wake that lands between the look of the waiter and its sleep is not lost")
    @MethodSource(ALL)
    void wakeBetweenLookAndSleep(String name, Supplier<WaitQueue<Object>> make) throws Exception {
        WaitQueue<Object> q = make.get();
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger looks = new AtomicInteger();
        // On the waiter's last look before it sleeps (the first one after registering, or after
        // the spin), the condition answers "still waiting", then has a waker thread make the change
        // and wake, and returns only once that waker has finished or is blocked (on the condvar
        // queue's lock, which the waiter holds while it looks). So the waiter goes to sleep after
        // a wake it did not see: only the protocol can save it. A lost wake shows as a sleep to the
        // timeout, after which the condition keeps saying "waiting": the outcome is TIMED_OUT.
        // tag::between[]
        long timeout = TimeUnit.SECONDS.toNanos(2);
        long deadline = System.nanoTime() + timeout;
        WaitOutcome outcome = q.waitWhile(5L, timeout, TimeUnit.NANOSECONDS, () -> {
            boolean waiting = !done.get() || System.nanoTime() - deadline >= 0;
            if (q.waiterCount(5L) == 1 && looks.incrementAndGet() == 1) {
                Thread waker = threads.start("waker", () -> {
                    done.set(true);
                    q.wakeOne(5L);
                });
                while (waker.isAlive() && waker.getState() == Thread.State.RUNNABLE || waker.getState() == Thread.State.NEW) {
                    Thread.onSpinWait();
                }
            }
            return waiting;
        });
        // end::between[]
        threads.joinAll("the waker did not finish");
        assertEquals(WaitOutcome.READY, outcome, "the wake between the look and the sleep was lost");
    }

    @ParameterizedTest(name = "{0}: an interrupted waiter throws InterruptedException and unregisters")
    @MethodSource(ALL)
    void interrupt(String name, Supplier<WaitQueue<Object>> make) throws Exception {
        WaitQueue<Object> q = make.get();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread waiter = threads.start("waiter", () -> {
            try {
                q.waitWhile(1L, BOUND_SECONDS, TimeUnit.SECONDS, () -> true);
            } catch (InterruptedException e) {
                thrown.set(e);
            }
        });
        awaitWaiters(q, 1L, 1);
        waiter.interrupt();
        threads.joinAll("the interrupted waiter went on waiting");
        assertTrue(thrown.get() instanceof InterruptedException, "expected InterruptedException, got " + thrown.get());
        assertEquals(0, q.waiterCount(1L));
    }

    @ParameterizedTest(name = "{0}: a registered waiter sleeps: it burns less than a tenth of a CPU")
    @MethodSource(ALL)
    void sleeperBurnsNoCpu(String name, Supplier<WaitQueue<Object>> make) throws Exception {
        WaitQueue<Object> q = make.get();
        AtomicBoolean done = new AtomicBoolean();
        waitFor(q, 1L, done);
        awaitWaiters(q, 1L, 1);
        Thread waiter = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("waiter-1")).findFirst().orElseThrow();
        long cpu0 = ThreadWatch.cpuNanos(waiter);
        long wall0 = System.nanoTime();
        Thread.sleep(200);
        long cpu = ThreadWatch.cpuNanos(waiter) - cpu0;
        long wall = System.nanoTime() - wall0;
        done.set(true);
        q.wakeAll(1L);
        threads.joinAll("the waiter slept through wakeAll");
        assertTrue(cpu < wall / 10, String.format("the waiter burned %.1f ms of CPU in %.1f ms", cpu / 1e6, wall / 1e6));
    }
}
